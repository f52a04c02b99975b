"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, check_raises, ndarray

#: An integer numpy array of the expected shape with exactly the expected counts.
same_counts = ndarray("iu")


def test_statement_example(solution):
    expected = np.array([[1, 0, 0], [0, 0, 1], [0, 1, 1]])
    check(solution, ([0, 1, 2, 2], [0, 2, 2, 1], 3), expected, compare=same_counts)


def test_no_examples(solution):
    check(solution, ([], [], 2), np.zeros((2, 2), dtype=int), compare=same_counts)


def test_different_lengths(solution):
    check_raises(solution, ([0, 1], [0], 2), "ValueError")
