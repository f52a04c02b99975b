"""What "Submit" checks besides the samples: edge cases, then properties against the reference."""

from hypothesis import given
from hypothesis import strategies as st
from reference import find_duplicates as oracle
from tests_sample import same_ints

from graders.kit import check


def test_single_value(solution):
    check(solution, ([42],), [], compare=same_ints)


def test_three_copies_reported_once(solution):
    check(solution, ([7, 7, 7],), [7], compare=same_ints)


def test_negative_and_zero(solution):
    check(solution, ([0, -3, 5, -3, 0, 0, 9],), [0, -3], compare=same_ints)


def test_large_values(solution):
    big = 10**18
    check(solution, ([big, -big, big, 3, -big],), [big, -big], compare=same_ints)


def test_values_beyond_machine_words(solution):
    nums = [2**64, -(2**63) - 1, 7, 2**64, 2**70 + 3, -(2**63) - 1, 2**70]
    check(solution, (nums,), [2**64, -(2**63) - 1], compare=same_ints)


def test_neighbours_a_float_would_merge(solution):
    # Distinct ints that are one float apart: only 2**63 repeats.
    nums = [2**53, 2**53 + 1, -1, 2**63, 2**63 + 1, 2**63, -(2**53) - 1, -(2**53)]
    check(solution, (nums,), [2**63], compare=same_ints)


def test_longer_list(solution):
    nums = [*range(1500), 1500, *range(1499, -1, -1)]
    check(solution, (nums,), list(range(1500)), compare=same_ints)


def test_longest_list(solution):
    # The contract's 10**4 values (a recursion over the list would not get through them),
    # 503 distinct ones, so even an O(n * distinct) count stays cheap.
    nums = [(i * 7919) % 503 - 251 for i in range(10**4)]
    check(solution, (nums,), list(range(-251, 252)), compare=same_ints)


# A narrow range makes repeats (and triple repeats) common in short lists.
@given(nums=st.lists(st.integers(-8, 8), max_size=30))
def test_matches_reference_small_values(solution, nums):
    check(solution, (nums,), oracle(nums), compare=same_ints)


@given(nums=st.lists(st.integers(-(10**12), 10**12), max_size=30))
def test_matches_reference_wide_values(solution, nums):
    check(solution, (nums,), oracle(nums), compare=same_ints)
