"""What "Submit" adds to the sample: ties, empty clusters, sizes, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import kmeans_step as oracle
from tests_sample import same_step

from graders.kit import check


def verify(solution, X, C):
    check(solution, (X, C), oracle(X, C), compare=same_step)


def test_tie_goes_to_the_lower_index(solution):
    X = np.array([[0.0], [2.0]])
    C = np.array([[1.0], [1.0], [3.0]])
    verify(solution, X, C)


def test_equidistant_point(solution):
    # Point 1 is exactly between the two centroids.
    X = np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 0.0]])
    C = np.array([[4.0, 0.0], [0.0, 0.0]])
    verify(solution, X, C)


def test_no_points(solution):
    C = np.array([[1.0, 2.0], [3.0, 4.0]])
    check(solution, (np.zeros((0, 2)), C), (np.zeros(0, dtype=int), C), compare=same_step)


def test_one_centroid(solution):
    X = np.array([[1.0, 1.0], [3.0, 5.0], [-1.0, 0.0]])
    verify(solution, X, np.array([[100.0, -100.0]]))


def test_every_point_on_one_side(solution):
    X = np.array([[0.0], [0.5], [1.0]])
    verify(solution, X, np.array([[0.2], [1e4], [-1e4]]))


def step_by_matrices(X, C):
    """The reference's step with the squared distances as |x|^2 - 2 x.c + |c|^2 (a matrix
    product, ~6 ms where the reference's 5000 x 50 x 20 broadcast takes ~20 ms), then the
    reference's own means. On the large case it gives the reference's labels (the nearest
    centroid always wins by a relative margin >= 3e-5, the distances' relative error is
    < 2e-15), so the same centroids, bit for bit; it is no oracle for the grids' ties."""
    squared = (X * X).sum(axis=1)[:, np.newaxis] - 2 * X @ C.T + (C * C).sum(axis=1)
    labels = np.argmin(squared, axis=1)
    moved = C.copy()
    for j in range(len(C)):
        members = X[labels == j]
        if len(members):
            moved[j] = members.mean(axis=0)
    return labels.astype(np.int64), moved


def test_large_case(solution):
    rng = np.random.default_rng(12)
    X = rng.uniform(-1e4, 1e4, size=(5000, 20))
    C = rng.uniform(-1e4, 1e4, size=(50, 20))
    check(solution, (X, C), step_by_matrices(X, C), compare=same_step)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(0, 30),
    k=st.integers(1, 6),
    d=st.integers(1, 3),
)
def test_matches_reference_on_a_grid(solution, seed, n, k, d):
    # Small integer coordinates: ties and empty clusters are common, distances exact.
    rng = np.random.default_rng(seed)
    X = rng.integers(-4, 5, size=(n, d)).astype(float)
    C = rng.integers(-4, 5, size=(k, d)).astype(float)
    verify(solution, X, C)


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 40), k=st.integers(1, 8))
def test_matches_reference(solution, seed, n, k):
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, 100.0, size=(n, 4))
    C = X[rng.integers(0, n, size=k)] + rng.normal(0.0, 1.0, size=(k, 4))
    verify(solution, X, C)
