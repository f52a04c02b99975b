"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A 1-D integer numpy array equal to the expected labels.
same_labels = ndarray("iu")


X_TRAIN = np.array([[0.0], [1.0], [2.0], [10.0]])
Y_TRAIN = np.array([0, 0, 1, 1])


def test_one_neighbour(solution):
    args = (X_TRAIN, Y_TRAIN, np.array([[0.4], [9.0]]), 1)
    check(solution, args, np.array([0, 1]), compare=same_labels)


def test_three_neighbours(solution):
    check(solution, (X_TRAIN, Y_TRAIN, np.array([[9.0]]), 3), np.array([1]), compare=same_labels)


def test_ties(solution):
    check(solution, (X_TRAIN, Y_TRAIN, np.array([[1.5]]), 2), np.array([0]), compare=same_labels)
