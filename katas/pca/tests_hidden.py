"""What "Submit" adds to the samples: centring, order, shapes, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import pca as oracle
from tests_sample import same_pca

from graders.kit import check


def data(seed, n, d, offset):
    """Data with clearly distinct variances along random orthogonal directions."""
    rng = np.random.default_rng(seed)
    rotation, _ = np.linalg.qr(rng.normal(size=(d, d)))
    scales = 2.0 ** -np.arange(d) * 10.0
    return offset + (rng.normal(size=(n, d)) * scales) @ rotation.T


def verify(solution, X, k):
    check(solution, (X, k), oracle(X, k), compare=same_pca)


def test_far_from_the_origin(solution):
    # Without centring, the first "component" points at the mean.
    verify(solution, data(1, 50, 3, 1000.0), 2)


def test_smallest_variance_first_is_wrong(solution):
    # eigh returns eigenvalues in increasing order: the last columns are the top components.
    verify(solution, data(2, 40, 4, 0.0), 1)


def test_two_points(solution):
    X = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, -1.0]])
    verify(solution, X, 1)


def test_one_feature(solution):
    X = np.array([[1.0], [2.0], [4.0]])
    check(solution, (X, 1), (np.array([[1.0]]), np.array([7 / 3])), compare=same_pca)


def test_largest_case(solution):
    verify(solution, data(3, 2000, 50, 1e4 - 100.0), 10)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(8, 40),
    d=st.integers(1, 6),
    k=st.integers(1, 6),
    offset=st.sampled_from([0.0, -30.0, 5e3]),
)
def test_matches_reference(solution, seed, n, d, k, offset):
    verify(solution, data(seed, n, d, offset), min(k, d, n - 1))
