"""What "Submit" adds to the samples: the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import softmax as oracle
from tests_sample import near

from graders.kit import check

LIMIT = 1e6

# Shapes and a scale from Hypothesis, values from a generator it seeds: cheap to draw, and
# the scale reaches logits whose exponentials overflow.
shapes = st.one_of(
    st.tuples(st.integers(1, 12)),
    st.tuples(st.integers(1, 6), st.integers(1, 8)),
)
scales = st.sampled_from([1.0, 30.0, 800.0, LIMIT])


def logits(seed, shape, scale):
    return np.random.default_rng(seed).uniform(-scale, scale, size=shape)


def test_one_value(solution):
    check(solution, (np.array([-3.5]),), np.array([1.0]), compare=near)


def test_large_negative_logits(solution):
    # e**-1000 underflows to 0: the naive formula divides 0 by 0.
    check(solution, (np.array([-1000.0, -1000.0, -1000.0]),), np.full(3, 1 / 3), compare=near)


def test_contract_limits(solution):
    x = np.array([LIMIT, -LIMIT, LIMIT - 1.0])
    check(solution, (x,), oracle(x), compare=near)


def test_rows_far_apart(solution):
    # One maximum for the whole array would leave the second row all zeros.
    x = np.array([[0.0, 1.0, 2.0], [-5000.0, -5001.0, -5000.0]])
    check(solution, (x,), oracle(x), compare=near)


def test_no_rows(solution):
    check(solution, (np.zeros((0, 4)),), np.zeros((0, 4)), compare=near)


def test_one_column(solution):
    check(solution, (np.array([[7.0], [-2.0], [0.0]]),), np.ones((3, 1)), compare=near)


def test_wide_rows(solution):
    x = logits(7, (4, 2000), 50.0)
    check(solution, (x,), oracle(x), compare=near)


@given(seed=st.integers(0, 2**32 - 1), shape=shapes, scale=scales)
def test_matches_reference(solution, seed, shape, scale):
    x = logits(seed, shape, scale)
    check(solution, (x,), oracle(x), compare=near)


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 10), shift=st.floats(-1e5, 1e5))
def test_shifting_a_row_changes_nothing(solution, seed, n, shift):
    x = logits(seed, (n,), 10.0)
    check(solution, (x + shift,), oracle(x), compare=near)
