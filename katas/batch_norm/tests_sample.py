"""The example from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check


def near(got, expected):
    """A float array of the expected shape, within an absolute 1e-6 everywhere."""
    if not isinstance(got, np.ndarray) or got.dtype.kind != "f":
        return "expected a numpy array of floats"
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected {expected.shape}"
    if not np.allclose(got, expected, rtol=0.0, atol=1e-6):
        return "values differ"
    return None


def test_statement_example(solution):
    x = np.array([[1.0, 2.0], [3.0, 2.0]])
    scaled = 2.0 / np.sqrt(1.0 + 1e-5)
    expected = np.array([[-scaled, 5.0], [scaled, 5.0]])
    check(solution, (x, np.array([2.0, 1.0]), np.array([0.0, 5.0]), 1e-5), expected, compare=near)
