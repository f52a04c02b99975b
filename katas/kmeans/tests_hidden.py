"""What "Submit" adds to the samples: stopping, empty clusters, sizes, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import kmeans as oracle
from tests_sample import same_clustering

from graders.kit import check


def verify(solution, X, init, max_iter):
    check(solution, (X, init, max_iter), oracle(X, init, max_iter), compare=same_clustering)


def blobs(seed, n, k, d, spread):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-100, 100, size=(k, d))
    X = centres[rng.integers(0, k, size=n)] + rng.normal(0.0, spread, size=(n, d))
    init = X[rng.integers(0, n, size=k)] if n else rng.uniform(-100, 100, size=(k, d))
    return X, init


def test_two_updates(solution):
    X = np.array([[0.0], [1.0], [9.0], [10.0], [11.0]])
    verify(solution, X, np.array([[0.0], [1.0]]), 2)


def test_centroid_that_never_gets_points(solution):
    X = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0]])
    verify(solution, X, np.array([[0.0, 0.0], [5.0, 5.0], [-1000.0, 1000.0]]), 50)


def test_duplicate_initial_centroids(solution):
    # Two equal centroids: the lower index takes every point, the other keeps its place.
    X = np.array([[0.0], [2.0], [8.0], [10.0]])
    verify(solution, X, np.array([[5.0], [5.0]]), 50)


def test_no_points(solution):
    init = np.array([[1.0, 1.0]])
    check(solution, (np.zeros((0, 2)), init, 10), (np.zeros(0, dtype=int), init),
          compare=same_clustering)


def test_slow_convergence_hits_max_iter(solution):
    X, init = blobs(21, 300, 6, 2, 40.0)
    for max_iter in (3, 4):
        verify(solution, X, init, max_iter)


def lloyd_by_matrices(X, init, max_iter):
    """The reference's iteration (same stop rule, same ties to the lowest index) with distances
    and means as matrix products: ~1 ms where the reference's loops take ~17 ms here. On the
    large case it gives the reference's labels (its nearest centroid always wins by a relative
    margin of 1e-5 or more) and its centroids to ~1e-13; it is no oracle for the grids' ties."""
    centroids = init.astype(np.float64, copy=True)
    squares = (X * X).sum(axis=1)[:, np.newaxis]

    def nearest(centroids):
        return np.argmin(squares - 2 * X @ centroids.T + (centroids**2).sum(axis=1), axis=1)

    for _ in range(max_iter):
        members = np.eye(len(centroids))[nearest(centroids)]
        counts = members.sum(axis=0)[:, np.newaxis]
        moved = np.where(counts > 0, members.T @ X / np.maximum(counts, 1), centroids)
        if np.array_equal(moved, centroids):
            break
        centroids = moved
    return nearest(centroids), centroids


def test_large_case(solution):
    X, init = blobs(5, 2000, 20, 10, 30.0)
    expected = lloyd_by_matrices(X, init, 30)
    check(solution, (X, init, 30), expected, compare=same_clustering)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(0, 40),
    k=st.integers(1, 5),
    max_iter=st.integers(0, 8),
)
def test_matches_reference_on_a_grid(solution, seed, n, k, max_iter):
    rng = np.random.default_rng(seed)
    X = rng.integers(-5, 6, size=(n, 2)).astype(float)
    init = rng.integers(-5, 6, size=(k, 2)).astype(float)
    verify(solution, X, init, max_iter)


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 60), k=st.integers(1, 5))
def test_matches_reference(solution, seed, n, k):
    X, init = blobs(seed, n, k, 3, 20.0)
    verify(solution, X, init, 100)
