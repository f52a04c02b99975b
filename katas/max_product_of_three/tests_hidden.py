"""What "Submit" checks besides the samples: edge cases, then properties against the reference."""

from hypothesis import given
from hypothesis import strategies as st
from reference import max_product_of_three as oracle

from graders.kit import check

LIMIT = 10**6


def test_exactly_three(solution):
    check(solution, ([-7, 2, 3],), -42)


def test_equal_values_at_distinct_positions(solution):
    check(solution, ([2, 2, 2],), 8)


def test_zero_beats_negative_products(solution):
    check(solution, ([-3, -2, 0, 1],), 6)


def test_zero_is_best(solution):
    check(solution, ([-3, 0, 1, 2],), 0)


def test_one_negative_among_positives(solution):
    check(solution, ([-10, 1, 2, 3],), 6)


def test_largest_magnitudes(solution):
    check(solution, ([-LIMIT, -LIMIT, LIMIT, 1],), LIMIT**3)


def test_longer_list(solution):
    nums = [(i * 7919) % 201 - 100 for i in range(100)]
    check(solution, (nums,), oracle(nums))


# A narrow range makes zeros, ties and sign changes common, so the properties bite.
@given(nums=st.lists(st.integers(-10, 10), min_size=3, max_size=30))
def test_matches_reference_small_values(solution, nums):
    check(solution, (nums,), oracle(nums))


@given(nums=st.lists(st.integers(-LIMIT, LIMIT), min_size=3, max_size=30))
def test_matches_reference_wide_values(solution, nums):
    check(solution, (nums,), oracle(nums))


@given(nums=st.lists(st.integers(-LIMIT, -1), min_size=3, max_size=30))
def test_all_negative_matches_reference(solution, nums):
    check(solution, (nums,), oracle(nums))
