"""What "Submit" adds to the samples: edge cases, then a property against the reference."""

from hypothesis import given
from hypothesis import strategies as st
from reference import intersection as oracle
from tests_sample import same_ints

from graders.kit import check

# A narrow range makes shared and repeated values common, so the property bites; the
# examples below cover values far outside any range a counting array would assume.
int_lists = st.lists(st.integers(-20, 20), max_size=30)


def test_both_empty(solution):
    check(solution, ([], []), [], compare=same_ints)


def test_second_empty(solution):
    check(solution, ([1, 2, 3], []), [], compare=same_ints)


def test_nothing_shared(solution):
    check(solution, ([1, 2, 3], [4, 5, 6]), [], compare=same_ints)


def test_everything_shared(solution):
    check(solution, ([3, 1, 2], [2, 3, 1]), [1, 2, 3], compare=same_ints)


def test_same_list_twice(solution):
    check(solution, ([4, 1, 4, 2, 1], [4, 1, 4, 2, 1]), [1, 2, 4], compare=same_ints)


def test_negatives_and_zero(solution):
    check(solution, ([-1, 0, -7, 4], [0, -7, 7, 1]), [0, -7], compare=same_ints)


def test_repeats_on_one_side_only(solution):
    check(solution, ([5, 5, 5, 2], [5, 3]), [5], compare=same_ints)


def test_large_integers(solution):
    big = 10**30
    check(solution, ([big, -big, 1], [1, big]), [big, 1], compare=same_ints)


def test_values_beyond_machine_words(solution):
    xs = [2**64, -(2**63) - 1, 2**70 + 3, 7]
    ys = [7, -(2**63) - 1, 2**64 + 1, 2**70 + 3]
    check(solution, (xs, ys), [-(2**63) - 1, 2**70 + 3, 7], compare=same_ints)


def test_neighbours_a_float_would_merge(solution):
    xs = [2**53, -(2**53) - 1, 5]
    ys = [2**53 + 1, -(2**53), 5]
    check(solution, (xs, ys), [5], compare=same_ints)


def test_longest_lists(solution):
    # The contract's 2000 values each; a third of them shared.
    xs = list(range(0, 4000, 2))
    ys = list(range(0, 6000, 3))
    check(solution, (xs, ys), oracle(xs, ys), compare=same_ints)


@given(xs=int_lists, ys=int_lists)
def test_matches_reference(solution, xs, ys):
    check(solution, (xs, ys), oracle(xs, ys), compare=same_ints)
