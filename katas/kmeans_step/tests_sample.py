"""The example from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check


def same_step(got, expected):
    """(labels, centroids): integer labels exactly; centroids within an absolute 1e-9."""
    if not isinstance(got, tuple) or len(got) != 2:
        return "expected a tuple (labels, new_centroids)"
    labels, centroids = got
    want_labels, want_centroids = expected
    if not isinstance(labels, np.ndarray) or labels.dtype.kind not in "iu":
        return "labels: expected a numpy array of integers"
    if labels.shape != want_labels.shape or not np.array_equal(labels, want_labels):
        return "wrong labels"
    if not isinstance(centroids, np.ndarray) or centroids.dtype.kind != "f":
        return "new_centroids: expected a numpy array of floats"
    if centroids.shape != want_centroids.shape:
        return f"new_centroids: shape {centroids.shape}, expected {want_centroids.shape}"
    if not np.all(np.isfinite(centroids)):
        return "new_centroids: not every value is finite"
    if not np.allclose(centroids, want_centroids, rtol=0.0, atol=1e-9):
        return "wrong new_centroids"
    return None


def test_statement_example(solution):
    X = np.array([[0.0, 0.0], [0.0, 2.0], [10.0, 0.0], [10.0, 2.0]])
    C = np.array([[1.0, 1.0], [9.0, 1.0], [50.0, 50.0]])
    expected = (np.array([0, 0, 1, 1]), np.array([[0.0, 1.0], [10.0, 1.0], [50.0, 50.0]]))
    check(solution, (X, C), expected, compare=same_step)
