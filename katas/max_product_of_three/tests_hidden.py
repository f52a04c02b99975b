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


def test_product_past_float_precision(solution):
    # 999999 * 999998 * 999997 is near 10**18, where floats are 128 apart.
    check(solution, ([999_999, 3, 999_997, -5, 999_998],), 999_999 * 999_998 * 999_997)


def test_negative_pair_past_float_precision(solution):
    nums = [-999_999, 2, -999_997, 999_998, -1]
    check(solution, (nums,), 999_999 * 999_997 * 999_998)


def test_longest_list(solution):
    # The contract's 10**4 numbers; the best triple sits in the middle of the list.
    nums = [(i * 7919) % 20_001 - 10_000 for i in range(10**4)]
    nums[5000:5003] = [-LIMIT, LIMIT - 1, -LIMIT + 1]
    # The rest lie in [-10**4, 10**4]: the two most negative times the largest win.
    check(solution, (nums,), -LIMIT * (-LIMIT + 1) * (LIMIT - 1))


def test_longer_list(solution):
    nums = [(i * 7919) % 201 - 100 for i in range(100)]
    check(solution, (nums,), oracle(nums))


# A narrow range makes zeros, ties and sign changes common, so the properties bite. Short
# lists keep them cheap: the long lists are pinned above, and any triple fits in twelve.
@given(nums=st.lists(st.integers(-10, 10), min_size=3, max_size=12))
def test_matches_reference_small_values(solution, nums):
    check(solution, (nums,), oracle(nums))


@given(nums=st.lists(st.integers(-LIMIT, LIMIT), min_size=3, max_size=12))
def test_matches_reference_wide_values(solution, nums):
    check(solution, (nums,), oracle(nums))


@given(nums=st.lists(st.integers(-LIMIT, -1), min_size=3, max_size=12))
def test_all_negative_matches_reference(solution, nums):
    check(solution, (nums,), oracle(nums))
