"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check


def near(got, expected):
    """A float array of the expected shape, within rel 1e-9 or abs 1e-12 everywhere."""
    if not isinstance(got, np.ndarray) or got.dtype.kind != "f":
        return "expected a numpy array of floats"
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected {expected.shape}"
    if not np.allclose(got, expected, rtol=1e-9, atol=1e-12):
        return "values differ"
    return None


def test_three_logits(solution):
    expected = np.array([0.09003057317038046, 0.24472847105479767, 0.6652409557748219])
    check(solution, (np.array([1.0, 2.0, 3.0]),), expected, compare=near)


def test_large_logits(solution):
    check(solution, (np.array([1000.0, 1000.0]),), np.array([0.5, 0.5]), compare=near)


def test_one_softmax_per_row(solution):
    x = np.array([[0.0, 0.0], [0.0, np.log(3.0)]])
    check(solution, (x,), np.array([[0.5, 0.5], [0.25, 0.75]]), compare=near)
