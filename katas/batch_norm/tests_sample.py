"""The example from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A float array of the expected shape, within an absolute 1e-6 everywhere.
near = ndarray(abs=1e-6)


def test_statement_example(solution):
    x = np.array([[1.0, 2.0], [3.0, 2.0]])
    scaled = 2.0 / np.sqrt(1.0 + 1e-5)
    expected = np.array([[-scaled, 5.0], [scaled, 5.0]])
    check(solution, (x, np.array([2.0, 1.0]), np.array([0.0, 5.0]), 1e-5), expected, compare=near)
