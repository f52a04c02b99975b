"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A float array of the expected shape, within rel 1e-7 or abs 1e-9 everywhere.
near = ndarray(rel=1e-7, abs=1e-9)


Q = np.array([[1.0, 0.0]])
K = np.array([[1.0, 0.0], [0.0, 1.0]])
V = np.array([[10.0], [20.0]])


def test_no_mask(solution):
    weight = 1.0 / (1.0 + np.exp(-1.0 / np.sqrt(2.0)))
    expected = np.array([[10.0 * weight + 20.0 * (1.0 - weight)]])
    check(solution, (Q, K, V, None), expected, compare=near)


def test_masked_key(solution):
    check(solution, (Q, K, V, np.array([[False, True]])), np.array([[20.0]]), compare=near)
