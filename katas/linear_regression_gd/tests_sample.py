"""The examples from the statement: what "Run" checks."""

import math

import numpy as np

from graders.kit import check, ndarray


def same_fit(got, expected):
    """(w, b): w a float array of the expected shape, b a float; within rel 1e-7 or abs 1e-9."""
    if not isinstance(got, tuple) or len(got) != 2:
        return "expected a tuple (w, b)"
    w, b = got
    want_w, want_b = expected
    reason = _W(w, want_w)
    if reason:
        return reason
    if not isinstance(b, float):
        return "b: expected a float"
    if not math.isclose(b, want_b, rel_tol=1e-7, abs_tol=1e-9):
        return "wrong b"
    return None


_W = ndarray(rel=1e-7, abs=1e-9, name="w")


X = np.array([[1.0], [2.0]])
Y = np.array([2.0, 4.0])


def test_one_step(solution):
    check(solution, (X, Y, 0.1, 1), (np.array([1.0]), 0.6), compare=same_fit)


def test_no_steps(solution):
    check(solution, (X, Y, 0.1, 0), (np.array([0.0]), 0.0), compare=same_fit)
