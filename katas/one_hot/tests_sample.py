"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, check_raises, ndarray

#: A numpy array of the expected shape with exactly the expected 0s and 1s.
same_matrix = ndarray("iuf")


def test_three_labels(solution):
    expected = np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    check(solution, ([2, 0, 1], 3), expected, compare=same_matrix)


def test_numpy_labels_and_unused_classes(solution):
    expected = np.array([[0, 1, 0, 0], [0, 1, 0, 0]])
    check(solution, (np.array([1, 1]), 4), expected, compare=same_matrix)


def test_label_too_large(solution):
    check_raises(solution, ([3], 3), "ValueError")
