"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check


def same_maxima(got, expected):
    """A float array of the expected shape holding exactly the expected maxima."""
    if not isinstance(got, np.ndarray) or got.dtype.kind != "f":
        return "expected a numpy array of floats"
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected {expected.shape}"
    return None if np.array_equal(got, expected) else "values differ"


X = np.array([[1.0, 2.0, 5.0, 6.0], [3.0, 4.0, 7.0, 8.0], [-1.0, -2.0, 0.0, 9.0]])


def test_two_by_two(solution):
    check(solution, (X, 2, 2), np.array([[4.0, 8.0]]), compare=same_maxima)


def test_overlapping(solution):
    check(solution, (X, 2, 1), np.array([[4.0, 7.0, 8.0], [4.0, 7.0, 9.0]]), compare=same_maxima)
