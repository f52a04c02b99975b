"""The example from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, ndarray


def same_step(got, expected):
    """(labels, centroids): integer labels exactly; centroids within an absolute 1e-9."""
    if not isinstance(got, tuple) or len(got) != 2:
        return "expected a tuple (labels, new_centroids)"
    labels, centroids = got
    want_labels, want_centroids = expected
    return _LABELS(labels, want_labels) or _CENTROIDS(centroids, want_centroids)


_LABELS = ndarray("iu", name="labels")
_CENTROIDS = ndarray(abs=1e-9, name="new_centroids")


def test_statement_example(solution):
    X = np.array([[0.0, 0.0], [0.0, 2.0], [10.0, 0.0], [10.0, 2.0]])
    C = np.array([[1.0, 1.0], [9.0, 1.0], [50.0, 50.0]])
    expected = (np.array([0, 0, 1, 1]), np.array([[0.0, 1.0], [10.0, 1.0], [50.0, 50.0]]))
    check(solution, (X, C), expected, compare=same_step)
