"""What "Submit" adds to the sample: the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import batch_norm as oracle
from tests_sample import near

from graders.kit import check


def verify(solution, x, gamma, beta, eps):
    check(solution, (x, gamma, beta, eps), oracle(x, gamma, beta, eps), compare=near)


def layer(seed, n, d, offset, spread):
    rng = np.random.default_rng(seed)
    x = offset + rng.normal(0.0, spread, size=(n, d))
    return x, rng.uniform(-10, 10, size=d), rng.uniform(-10, 10, size=d)


def test_one_example(solution):
    x = np.array([[3.0, -4.0, 1e6]])
    verify(solution, x, np.array([1.0, 2.0, 3.0]), np.array([0.5, -0.5, 7.0]), 1e-5)


def test_eps_inside_the_root(solution):
    # A small spread next to a large eps: sqrt(var) + eps is far from sqrt(var + eps).
    x = np.array([[0.0], [0.02]])
    verify(solution, x, np.array([1.0]), np.array([0.0]), 0.5)


def test_biased_variance(solution):
    x = np.array([[0.0], [1.0], [2.0], [3.0]])
    verify(solution, x, np.array([1.0]), np.array([0.0]), 1e-8)


def test_far_from_zero(solution):
    x, gamma, beta = layer(2, 64, 4, 1e6 - 10.0, 1.0)
    verify(solution, x, gamma, beta, 1e-5)


def test_gamma_and_beta_per_feature(solution):
    x = np.array([[0.0, 0.0], [2.0, 4.0]])
    verify(solution, x, np.array([3.0, -1.0]), np.array([10.0, -10.0]), 1e-8)


def test_largest_case(solution):
    verify(solution, *layer(5, 1024, 128, 3.0, 2.0), 1e-5)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 16),
    d=st.integers(1, 6),
    offset=st.sampled_from([0.0, -50.0, 1e4, 1e6 - 100.0]),
    spread=st.sampled_from([1e-3, 1.0, 100.0]),
    eps=st.sampled_from([1e-8, 1e-5, 1e-2, 1.0]),
)
def test_matches_reference(solution, seed, n, d, offset, spread, eps):
    verify(solution, *layer(seed, n, d, offset, spread), eps)
