"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A float array of the expected shape holding exactly the expected maxima.
same_maxima = ndarray()


X = np.array([[1.0, 2.0, 5.0, 6.0], [3.0, 4.0, 7.0, 8.0], [-1.0, -2.0, 0.0, 9.0]])


def test_two_by_two(solution):
    check(solution, (X, 2, 2), np.array([[4.0, 8.0]]), compare=same_maxima)


def test_overlapping(solution):
    check(solution, (X, 2, 1), np.array([[4.0, 7.0, 8.0], [4.0, 7.0, 9.0]]), compare=same_maxima)
