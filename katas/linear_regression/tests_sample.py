"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A 1-D float array of the expected length, within rel or abs 1e-6 everywhere.
near = ndarray(rel=1e-6, abs=1e-6)


X = np.array([[0.0], [1.0], [2.0]])


def test_exact_line(solution):
    check(solution, (X, np.array([1.0, 3.0, 5.0])), np.array([1.0, 2.0]), compare=near)


def test_best_fit(solution):
    check(solution, (X, np.array([0.0, 1.0, 5.0])), np.array([-0.5, 2.5]), compare=near)
