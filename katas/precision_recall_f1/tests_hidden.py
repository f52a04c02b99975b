"""What "Submit" adds to the samples: every zero denominator, then a property."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import precision_recall_f1 as oracle
from tests_sample import three_floats

from graders.kit import check

labels = st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1)), max_size=30)


def test_empty(solution):
    check(solution, ([], []), (0.0, 0.0, 0.0), compare=three_floats)


def test_no_positive_predictions(solution):
    check(solution, ([1, 0, 1], [0, 0, 0]), (0.0, 0.0, 0.0), compare=three_floats)


def test_no_positive_examples(solution):
    check(solution, ([0, 0, 0], [1, 0, 1]), (0.0, 0.0, 0.0), compare=three_floats)


def test_everything_wrong(solution):
    check(solution, ([1, 0, 1, 0], [0, 1, 0, 1]), (0.0, 0.0, 0.0), compare=three_floats)


def test_recall_but_little_precision(solution):
    # The harmonic mean, not the arithmetic one (which would be 0.55).
    y_true = [1] + [0] * 9
    check(solution, (y_true, [1] * 10), (0.1, 1.0, 2 / 11), compare=three_floats)


def test_class_one_is_positive(solution):
    check(solution, ([0, 0, 0, 1], [0, 0, 1, 1]), (0.5, 1.0, 2 / 3), compare=three_floats)


def test_numpy_arrays(solution):
    y_true, y_pred = np.array([1, 1, 0, 1, 0]), np.array([1, 0, 1, 1, 0])
    check(solution, (y_true, y_pred), oracle(y_true, y_pred), compare=three_floats)


def test_many_examples(solution):
    rng = np.random.default_rng(2)
    y_true = rng.integers(0, 2, size=50_000)
    y_pred = np.where(rng.random(50_000) < 0.8, y_true, 1 - y_true)
    check(solution, (y_true, y_pred), oracle(y_true, y_pred), compare=three_floats)


@given(pairs=labels, as_numpy=st.booleans())
def test_matches_reference(solution, pairs, as_numpy):
    y_true, y_pred = [t for t, _ in pairs], [p for _, p in pairs]
    if as_numpy:
        y_true, y_pred = np.array(y_true, dtype=np.int64), np.array(y_pred, dtype=np.int64)
    check(solution, (y_true, y_pred), oracle(y_true, y_pred), compare=three_floats)
