"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check


def same_clustering(got, expected):
    """(labels, centroids): integer labels exactly; centroids within an absolute 1e-9."""
    if not isinstance(got, tuple) or len(got) != 2:
        return "expected a tuple (labels, centroids)"
    labels, centroids = got
    want_labels, want_centroids = expected
    if not isinstance(labels, np.ndarray) or labels.dtype.kind not in "iu":
        return "labels: expected a numpy array of integers"
    if labels.shape != want_labels.shape or not np.array_equal(labels, want_labels):
        return "wrong labels"
    if not isinstance(centroids, np.ndarray) or centroids.dtype.kind != "f":
        return "centroids: expected a numpy array of floats"
    if centroids.shape != want_centroids.shape:
        return f"centroids: shape {centroids.shape}, expected {want_centroids.shape}"
    if not np.all(np.isfinite(centroids)):
        return "centroids: not every value is finite"
    if not np.allclose(centroids, want_centroids, rtol=0.0, atol=1e-9):
        return "wrong centroids"
    return None


X = np.array([[0.0], [1.0], [9.0], [10.0], [11.0]])
INIT = np.array([[0.0], [1.0]])


def test_until_nothing_moves(solution):
    expected = (np.array([0, 0, 1, 1, 1]), np.array([[0.5], [10.0]]))
    check(solution, (X, INIT, 100), expected, compare=same_clustering)


def test_one_update(solution):
    expected = (np.array([0, 0, 1, 1, 1]), np.array([[0.0], [7.75]]))
    check(solution, (X, INIT, 1), expected, compare=same_clustering)


def test_no_update(solution):
    expected = (np.array([0, 1, 1, 1, 1]), INIT)
    check(solution, (X, INIT, 0), expected, compare=same_clustering)
