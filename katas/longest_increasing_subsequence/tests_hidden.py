"""What "Submit" adds to the samples: edges, the O(n log n) size, then properties."""

from hypothesis import given
from hypothesis import strategies as st
from reference import longest_increasing_subsequence as oracle

from graders.kit import check


def test_one(solution):
    check(solution, ([5],), 1)


def test_decreasing(solution):
    check(solution, ([5, 4, 3, 2, 1],), 1)


def test_equal_runs(solution):
    check(solution, ([1, 1, 2, 2, 3, 3],), 3)


def test_not_contiguous(solution):
    check(solution, ([1, 9, 2, 8, 3, 7, 4],), 4)


def test_beyond_machine_words(solution):
    check(solution, ([2**64, -(2**70), 2**64 + 1, 0, 2**80],), 3)


def test_large_increasing(solution):
    check(solution, (list(range(20_000)),), 20_000)


def test_large_mixed(solution):
    nums = [(i * 7919) % 100_003 for i in range(20_000)]
    check(solution, (nums,), oracle(nums))


@given(nums=st.lists(st.integers(-10, 10), max_size=40))
def test_matches_reference(solution, nums):
    check(solution, (nums,), oracle(nums))


@given(nums=st.lists(st.integers(-(2**70), 2**70), max_size=40))
def test_matches_reference_big_values(solution, nums):
    check(solution, (nums,), oracle(nums))
