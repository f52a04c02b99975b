"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A float array of the expected shape, within rel 1e-9 or abs 1e-12 everywhere.
near = ndarray(rel=1e-9, abs=1e-12)


def test_three_logits(solution):
    expected = np.array([0.09003057317038046, 0.24472847105479767, 0.6652409557748219])
    check(solution, (np.array([1.0, 2.0, 3.0]),), expected, compare=near)


def test_large_logits(solution):
    check(solution, (np.array([1000.0, 1000.0]),), np.array([0.5, 0.5]), compare=near)


def test_one_softmax_per_row(solution):
    x = np.array([[0.0, 0.0], [0.0, np.log(3.0)]])
    check(solution, (x,), np.array([[0.5, 0.5], [0.25, 0.75]]), compare=near)
