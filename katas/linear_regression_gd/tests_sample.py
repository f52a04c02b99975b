"""The examples from the statement: what "Run" checks."""

import math

import numpy as np

from graders.kit import check


def same_fit(got, expected):
    """(w, b): w a float array of the expected shape, b a float; within rel 1e-7 or abs 1e-9."""
    if not isinstance(got, tuple) or len(got) != 2:
        return "expected a tuple (w, b)"
    w, b = got
    want_w, want_b = expected
    if not isinstance(w, np.ndarray) or w.dtype.kind != "f" or w.shape != want_w.shape:
        return f"w: expected a numpy float array of shape {want_w.shape}"
    if not np.all(np.isclose(w, want_w, rtol=1e-7, atol=1e-9)):
        return "wrong w"
    if not isinstance(b, float):
        return "b: expected a float"
    if not math.isclose(b, want_b, rel_tol=1e-7, abs_tol=1e-9):
        return "wrong b"
    return None


X = np.array([[1.0], [2.0]])
Y = np.array([2.0, 4.0])


def test_one_step(solution):
    check(solution, (X, Y, 0.1, 1), (np.array([1.0]), 0.6), compare=same_fit)


def test_no_steps(solution):
    check(solution, (X, Y, 0.1, 0), (np.array([0.0]), 0.0), compare=same_fit)
