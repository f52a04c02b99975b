"""What "Submit" adds to the samples: the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import linear_regression as oracle
from tests_sample import near

from graders.kit import check


def data(seed, n, d, noise):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-100, 100, size=(n, d))
    truth = rng.uniform(-50, 50, size=d + 1)
    y = truth[0] + X @ truth[1:] + rng.normal(0.0, noise, size=n)
    return X, np.clip(y, -1e4, 1e4)


def verify(solution, X, y):
    check(solution, (X, y), oracle(X, y), compare=near)


def test_intercept_only_matters(solution):
    # A flat response far from zero: forgetting the intercept gets everything wrong.
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    check(solution, (X, np.full(4, 7000.0)), np.array([7000.0, 0.0]), compare=near)


def test_exactly_determined(solution):
    # n = d + 1: the plane goes through every point.
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    check(solution, (X, np.array([3.0, 5.0, -1.0])), np.array([3.0, 2.0, -4.0]), compare=near)


def test_several_features(solution):
    verify(solution, *data(1, 50, 10, 1.0))


def test_features_on_different_scales(solution):
    X, y = data(2, 200, 3, 0.5)
    X[:, 0] *= 1e-2
    verify(solution, X, y)


def test_largest_case(solution):
    verify(solution, *data(4, 5000, 10, 100.0))


@given(
    seed=st.integers(0, 2**32 - 1),
    d=st.integers(1, 4),
    extra=st.integers(0, 30),
    noise=st.sampled_from([0.0, 1.0, 1000.0]),
)
def test_matches_reference(solution, seed, d, extra, noise):
    verify(solution, *data(seed, d + 1 + extra, d, noise))
