"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray


def same_clustering(got, expected):
    """(labels, centroids): integer labels exactly; centroids within an absolute 1e-9."""
    if not isinstance(got, tuple) or len(got) != 2:
        return "expected a tuple (labels, centroids)"
    labels, centroids = got
    want_labels, want_centroids = expected
    return _LABELS(labels, want_labels) or _CENTROIDS(centroids, want_centroids)


_LABELS = ndarray("iu", name="labels")
_CENTROIDS = ndarray(abs=1e-9, name="centroids")


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
