"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray


def same_pca(got, expected):
    """Components equal up to the sign of each row (1e-6); variances within rel 1e-6."""
    if not isinstance(got, tuple) or len(got) != 2:
        return "expected a tuple (components, explained_variance)"
    components, variance = got
    want_components, want_variance = expected
    if not isinstance(components, np.ndarray) or components.dtype.kind != "f":
        return "components: expected a numpy array of floats"
    if components.shape != want_components.shape:
        return f"components: shape {components.shape}, expected {want_components.shape}"
    for i, (row, want) in enumerate(zip(components, want_components, strict=True)):
        sign = 1.0 if row @ want >= 0 else -1.0
        if not np.allclose(sign * row, want, rtol=0.0, atol=1e-6):
            return f"component {i} is not the expected direction (up to sign)"
    return _VARIANCE(variance, want_variance)


_VARIANCE = ndarray(rel=1e-6, name="explained_variance")


X = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 1.0], [0.0, -1.0]])


def test_one_component(solution):
    check(solution, (X, 1), (np.array([[1.0, 0.0]]), np.array([8 / 3])), compare=same_pca)


def test_two_components(solution):
    expected = (np.eye(2), np.array([8 / 3, 2 / 3]))
    check(solution, (X, 2), expected, compare=same_pca)
