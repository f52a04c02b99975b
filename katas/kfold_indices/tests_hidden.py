"""What "Submit" adds to the samples: remainders, bounds, size, then a property."""

from hypothesis import given
from hypothesis import strategies as st
from reference import kfold_indices as oracle

from graders.kit import check, check_raises


@st.composite
def splits(draw):
    n = draw(st.integers(2, 40))
    return n, draw(st.integers(2, n))


def test_divides_evenly(solution):
    check(solution, (6, 3), oracle(6, 3))


def test_remainder_goes_first(solution):
    # 7 = 3 + 2 + 2: the extra position goes to the first fold, not the last.
    check(solution, (7, 3), oracle(7, 3))


def test_two_of_two(solution):
    check(solution, (2, 2), [([1], [0]), ([0], [1])])


def test_one_fold_is_not_a_split(solution):
    check_raises(solution, (10, 1), "ValueError")


def test_zero_folds(solution):
    check_raises(solution, (10, 0), "ValueError")


def test_no_positions(solution):
    check_raises(solution, (0, 2), "ValueError")


def test_large(solution):
    check(solution, (10_000, 7), oracle(10_000, 7))


@given(split=splits())
def test_matches_reference(solution, split):
    check(solution, split, oracle(*split))
