"""The example from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A float array of the expected shape, no nan, within an absolute 1e-4 everywhere.
near = ndarray(abs=1e-4)


def test_statement_example(solution):
    A = np.array([[0.0, 0.0], [1.0, 1.0]])
    B = np.array([[3.0, 4.0], [0.0, 0.0], [1.0, 0.0]])
    expected = np.array([[5.0, 0.0, 1.0], [np.sqrt(13.0), np.sqrt(2.0), 1.0]])
    check(solution, (A, B), expected, compare=near)
