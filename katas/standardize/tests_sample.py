"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A float array of the expected shape, within an absolute 1e-6 everywhere.
near = ndarray(abs=1e-6)


def test_two_rows(solution):
    X = np.array([[1.0, 10.0], [3.0, 10.0]])
    check(solution, (X,), np.array([[-1.0, 0.0], [1.0, 0.0]]), compare=near)


def test_one_row(solution):
    check(solution, (np.array([[2.0, 4.0, 9.0]]),), np.zeros((1, 3)), compare=near)
