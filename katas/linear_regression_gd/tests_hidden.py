"""What "Submit" adds to the samples: the update rule's details, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import linear_regression_gd as oracle
from tests_sample import same_fit

from graders.kit import check


def data(seed, n, d):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-10, 10, size=(n, d))
    y = rng.uniform(-5, 5) + X @ rng.uniform(-3, 3, size=d) + rng.normal(0, 1, n)
    return X, np.clip(y, -100, 100)


def safe_lr(X, fraction):
    """A step size below 2 / L for this data, so the descent converges."""
    A = np.column_stack([np.ones(len(X)), X])
    curvature = 2.0 * np.linalg.eigvalsh(A.T @ A / len(X)).max()
    return float(fraction / curvature)


def verify(solution, X, y, lr, steps):
    check(solution, (X, y, lr, steps), oracle(X, y, lr, steps), compare=same_fit)


def test_two_steps(solution):
    X, y = np.array([[1.0], [2.0]]), np.array([2.0, 4.0])
    verify(solution, X, y, 0.1, 2)


def test_intercept_moves_too(solution):
    X, y = np.array([[0.0], [0.0], [0.0]]), np.array([5.0, 6.0, 7.0])
    verify(solution, X, y, 0.25, 3)


def test_one_example(solution):
    verify(solution, np.array([[2.0, -1.0]]), np.array([3.0]), 0.05, 10)


def test_many_steps_converge(solution):
    X, y = data(3, 100, 3)
    verify(solution, X, y, safe_lr(X, 1.0), 500)


def test_largest_case(solution):
    X, y = data(8, 2000, 10)
    verify(solution, X, y, safe_lr(X, 1.5), 200)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 30),
    d=st.integers(1, 4),
    fraction=st.sampled_from([0.1, 0.5, 1.0, 1.9]),
    steps=st.integers(0, 25),
)
def test_matches_reference(solution, seed, n, d, fraction, steps):
    X, y = data(seed, n, d)
    verify(solution, X, y, safe_lr(X, fraction), steps)
