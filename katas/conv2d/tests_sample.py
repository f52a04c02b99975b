"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray

#: A float array of the expected shape, within rel or abs 1e-9 everywhere.
near = ndarray(rel=1e-9, abs=1e-9)


IMAGE = np.arange(16.0).reshape(4, 4)
KERNEL = np.array([[1.0, 0.0], [0.0, -1.0]])


def test_stride_one(solution):
    check(solution, (IMAGE, KERNEL, 1, 0), np.full((3, 3), -5.0), compare=near)


def test_stride_two(solution):
    check(solution, (IMAGE, KERNEL, 2, 0), np.full((2, 2), -5.0), compare=near)


def test_padding(solution):
    check(solution, (np.ones((1, 1)), np.ones((3, 3)), 1, 1), np.array([[1.0]]), compare=near)
