"""What "Submit" adds to the sample: the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import logistic_regression_step as oracle
from tests_sample import same_step

from graders.kit import check


def verify(solution, X, y, w, b, lr):
    check(solution, (X, y, w, b, lr), oracle(X, y, w, b, lr), compare=same_step)


def problem(seed, n, d, scale):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-scale, scale, size=(n, d))
    y = rng.integers(0, 2, size=n)
    w = rng.uniform(-scale, scale, size=d)
    return X, y, w, float(rng.uniform(-scale, scale))


def test_bias_moves(solution):
    X, y = np.array([[0.0], [0.0]]), np.array([1, 1])
    check(solution, (X, y, np.array([3.0]), 0.0, 2.0), (np.array([3.0]), 1.0), compare=same_step)


def test_saturated_and_right(solution):
    # p is 1 (or 0) to the last bit: the gradient is about zero, nothing moves.
    X, y = np.array([[100.0], [-100.0]]), np.array([1, 0])
    verify(solution, X, y, np.array([100.0]), 100.0, 1.0)


def test_saturated_and_wrong(solution):
    X, y = np.array([[100.0, -100.0], [-100.0, 100.0]]), np.array([0, 1])
    verify(solution, X, y, np.array([100.0, -100.0]), -100.0, 0.5)


def test_several_features(solution):
    verify(solution, *problem(5, 40, 6, 1.0), 0.3)


def test_largest_case(solution):
    verify(solution, *problem(9, 5000, 20, 3.0), 0.01)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 30),
    d=st.integers(1, 5),
    scale=st.sampled_from([0.1, 1.0, 10.0, 100.0]),
    lr=st.sampled_from([0.001, 0.1, 1.0, 10.0]),
)
def test_matches_reference(solution, seed, n, d, scale, lr):
    verify(solution, *problem(seed, n, d, scale), lr)
