"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check


def near(got, expected):
    """A 1-D float array of the expected length, within rel or abs 1e-6 everywhere."""
    if not isinstance(got, np.ndarray) or got.dtype.kind != "f":
        return "expected a numpy array of floats"
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected {expected.shape}"
    if not np.all(np.isclose(got, expected, rtol=1e-6, atol=1e-6)):
        return "values differ"
    return None


X = np.array([[0.0], [1.0], [2.0]])


def test_exact_line(solution):
    check(solution, (X, np.array([1.0, 3.0, 5.0])), np.array([1.0, 2.0]), compare=near)


def test_best_fit(solution):
    check(solution, (X, np.array([0.0, 1.0, 5.0])), np.array([-0.5, 2.5]), compare=near)
