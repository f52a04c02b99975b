"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, check_raises


def same_counts(got, expected):
    """An integer numpy array of the expected shape with exactly the expected counts."""
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "iu":
        return "expected a numpy array of integers"
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected {expected.shape}"
    if not np.array_equal(got, expected):
        return "counts differ"
    return None


def test_statement_example(solution):
    expected = np.array([[1, 0, 0], [0, 0, 1], [0, 1, 1]])
    check(solution, ([0, 1, 2, 2], [0, 2, 2, 1], 3), expected, compare=same_counts)


def test_no_examples(solution):
    check(solution, ([], [], 2), np.zeros((2, 2), dtype=int), compare=same_counts)


def test_different_lengths(solution):
    check_raises(solution, ([0, 1], [0], 2), "ValueError")
