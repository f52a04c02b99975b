"""The example from the statement: what "Run" checks."""

import math

import numpy as np

from graders.kit import check, ndarray


def same_step(got, expected):
    """(w, b): w a float array of the expected shape, b a float; rel 1e-9 or abs 1e-12."""
    if not isinstance(got, tuple) or len(got) != 2:
        return "expected a tuple (w, b)"
    w, b = got
    want_w, want_b = expected
    reason = _W(w, want_w)
    if reason:
        return reason
    if not isinstance(b, float):
        return "b: expected a float"
    if not math.isclose(b, want_b, rel_tol=1e-9, abs_tol=1e-12):
        return "wrong b"
    return None


_W = ndarray(rel=1e-9, abs=1e-12, name="w")


def test_statement_example(solution):
    X, y = np.array([[1.0], [-1.0]]), np.array([1, 0])
    check(solution, (X, y, np.array([0.0]), 0.0, 1.0), (np.array([0.5]), 0.0), compare=same_step)
