from hypothesis import given
from hypothesis import strategies as st
from reference import find_duplicates as oracle

from graders.kit import check, same_items


def test_notes_example(solution):
    check(solution, ([1, 2, 3, 1, 3, 6, 5],), [1, 3], compare=same_items)


def test_empty(solution):
    check(solution, ([],), [], compare=same_items)


def test_single_value(solution):
    check(solution, ([42],), [], compare=same_items)


def test_three_copies_reported_once(solution):
    check(solution, ([7, 7, 7],), [7], compare=same_items)


def test_negative_and_zero(solution):
    check(solution, ([0, -3, 5, -3, 0, 0, 9],), [0, -3], compare=same_items)


def test_large_values(solution):
    big = 10**18
    check(solution, ([big, -big, big, 3, -big],), [big, -big], compare=same_items)


def test_long_input(solution):
    # Every value in 0..49_999 twice, plus 50_000 once: rules out quadratic scans.
    nums = [*range(50_000), 50_000, *range(49_999, -1, -1)]
    check(solution, (nums,), list(range(50_000)), compare=same_items)


# A narrow range makes repeats (and triple repeats) common in short lists.
@given(nums=st.lists(st.integers(-8, 8), max_size=30))
def test_matches_reference_small_values(solution, nums):
    check(solution, (nums,), oracle(nums), compare=same_items)


@given(nums=st.lists(st.integers(-(10**12), 10**12), max_size=30))
def test_matches_reference_wide_values(solution, nums):
    check(solution, (nums,), oracle(nums), compare=same_items)
