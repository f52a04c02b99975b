"""The example from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check


def near(got, expected):
    """A float array of the expected shape, no nan, within an absolute 1e-4 everywhere."""
    if not isinstance(got, np.ndarray) or got.dtype.kind != "f":
        return "expected a numpy array of floats"
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected {expected.shape}"
    if np.isnan(got).any():
        return "nan in the answer"
    if not np.allclose(got, expected, rtol=0.0, atol=1e-4):
        return "values differ"
    return None


def test_statement_example(solution):
    A = np.array([[0.0, 0.0], [1.0, 1.0]])
    B = np.array([[3.0, 4.0], [0.0, 0.0], [1.0, 0.0]])
    expected = np.array([[5.0, 0.0, 1.0], [np.sqrt(13.0), np.sqrt(2.0), 1.0]])
    check(solution, (A, B), expected, compare=near)
