"""What "Submit" checks besides the samples: edge cases, then properties against the reference."""

from hypothesis import given
from hypothesis import strategies as st
from reference import find_duplicates as oracle

from graders.kit import check, same_items


def test_single_value(solution):
    check(solution, ([42],), [], compare=same_items)


def test_three_copies_reported_once(solution):
    check(solution, ([7, 7, 7],), [7], compare=same_items)


def test_negative_and_zero(solution):
    check(solution, ([0, -3, 5, -3, 0, 0, 9],), [0, -3], compare=same_items)


def test_large_values(solution):
    big = 10**18
    check(solution, ([big, -big, big, 3, -big],), [big, -big], compare=same_items)


def test_longer_list(solution):
    nums = [*range(1500), 1500, *range(1499, -1, -1)]
    check(solution, (nums,), list(range(1500)), compare=same_items)


# A narrow range makes repeats (and triple repeats) common in short lists.
@given(nums=st.lists(st.integers(-8, 8), max_size=30))
def test_matches_reference_small_values(solution, nums):
    check(solution, (nums,), oracle(nums), compare=same_items)


@given(nums=st.lists(st.integers(-(10**12), 10**12), max_size=30))
def test_matches_reference_wide_values(solution, nums):
    check(solution, (nums,), oracle(nums), compare=same_items)
