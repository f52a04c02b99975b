"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check


def near(got, expected):
    """A float array of the expected shape, within rel 1e-7 or abs 1e-9 everywhere."""
    if not isinstance(got, np.ndarray) or got.dtype.kind != "f":
        return "expected a numpy array of floats"
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected {expected.shape}"
    if not np.all(np.isclose(got, expected, rtol=1e-7, atol=1e-9)):
        return "values differ"
    return None


Q = np.array([[1.0, 0.0]])
K = np.array([[1.0, 0.0], [0.0, 1.0]])
V = np.array([[10.0], [20.0]])


def test_no_mask(solution):
    weight = 1.0 / (1.0 + np.exp(-1.0 / np.sqrt(2.0)))
    expected = np.array([[10.0 * weight + 20.0 * (1.0 - weight)]])
    check(solution, (Q, K, V, None), expected, compare=near)


def test_masked_key(solution):
    check(solution, (Q, K, V, np.array([[False, True]])), np.array([[20.0]]), compare=near)
