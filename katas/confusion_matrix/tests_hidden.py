"""What "Submit" adds to the samples: the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import confusion_matrix as oracle
from tests_sample import same_counts

from graders.kit import check, check_raises


@st.composite
def predictions(draw):
    k = draw(st.integers(1, 6))
    pairs = draw(st.lists(st.tuples(st.integers(0, k - 1), st.integers(0, k - 1)), max_size=40))
    return [t for t, _ in pairs], [p for _, p in pairs], k


def test_repeated_pairs_all_count(solution):
    # Fancy-index += counts a repeated (true, predicted) pair once.
    check(solution, ([1, 1, 1], [0, 0, 0], 2), np.array([[0, 0], [3, 0]]), compare=same_counts)


def test_rows_are_the_truth(solution):
    check(solution, ([0, 0], [1, 1], 2), np.array([[0, 2], [0, 0]]), compare=same_counts)


def test_unseen_classes_keep_their_place(solution):
    expected = np.zeros((5, 5), dtype=int)
    expected[1, 3] = 1
    check(solution, ([1], [3], 5), expected, compare=same_counts)


def test_one_class(solution):
    check(solution, ([0] * 7, [0] * 7, 1), np.array([[7]]), compare=same_counts)


def test_numpy_and_list_mixed(solution):
    y_true, y_pred = np.array([2, 0, 2]), [2, 2, 0]
    check(solution, (y_true, y_pred, 3), oracle(y_true, y_pred, 3), compare=same_counts)


def test_numpy_would_broadcast(solution):
    check_raises(solution, (np.array([1]), np.array([1, 0, 1]), 2), "ValueError")


def test_longer_predictions(solution):
    check_raises(solution, ([0], [0, 1], 2), "ValueError")


def test_many_examples(solution):
    rng = np.random.default_rng(6)
    y_true = rng.integers(0, 10, size=100_000)
    y_pred = np.where(rng.random(100_000) < 0.7, y_true, rng.integers(0, 10, size=100_000))
    expected = np.bincount(y_true * 10 + y_pred, minlength=100).reshape(10, 10)
    check(solution, (y_true, y_pred, 10), expected, compare=same_counts)


@given(case=predictions(), as_numpy=st.booleans())
def test_matches_reference(solution, case, as_numpy):
    y_true, y_pred, k = case
    if as_numpy:
        y_true, y_pred = np.array(y_true, dtype=np.int64), np.array(y_pred, dtype=np.int64)
    check(solution, (y_true, y_pred, k), oracle(*case), compare=same_counts)
