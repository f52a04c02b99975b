"""What "Submit" adds to the samples: the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import standardize as oracle
from tests_sample import near

from graders.kit import check

LIMIT = 1e6


def features(seed, n, d, offset, spread):
    rng = np.random.default_rng(seed)
    return offset + rng.uniform(-spread, spread, size=(n, d))


def test_population_not_sample_deviation(solution):
    X = np.array([[0.0], [2.0], [4.0], [6.0]])
    expected = (X - 3.0) / np.sqrt(5.0)
    check(solution, (X,), expected, compare=near)


def test_constant_column_of_tenths(solution):
    # The mean of 0.1, 0.1, 0.1 is 0.10000000000000002: sigma comes out near 1e-17, not 0.
    X = np.array([[0.1, 1.0], [0.1, 2.0], [0.1, 3.0]])
    check(solution, (X,), oracle(X), compare=near)


def test_far_from_zero(solution):
    # The one-pass variance loses four digits here.
    X = np.array([[LIMIT - 0.1], [LIMIT - 0.2], [LIMIT - 0.4], [LIMIT - 0.3]])
    check(solution, (X,), oracle(X), compare=near)


def test_contract_limits(solution):
    X = np.array([[LIMIT, -LIMIT], [-LIMIT, LIMIT], [LIMIT, LIMIT]])
    check(solution, (X,), oracle(X), compare=near)


def test_columns_not_rows(solution):
    X = np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 9.0]])
    check(solution, (X,), np.array([[0.0, 0.0, -1.0], [0.0, 0.0, 1.0]]), compare=near)


def test_many_rows(solution):
    X = features(11, 3000, 5, 250.0, 100.0)
    check(solution, (X,), oracle(X), compare=near)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 12),
    d=st.integers(1, 5),
    offset=st.sampled_from([0.0, -7.5, 3e3, LIMIT - 10]),
    spread=st.sampled_from([0.5, 1.0, 100.0]),
)
def test_matches_reference(solution, seed, n, d, offset, spread):
    X = features(seed, n, d, offset, spread)
    check(solution, (X,), oracle(X), compare=near)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 10),
    value=st.sampled_from([0.1, 0.7, 1 / 3, -2.2, 12345.678]),
)
def test_constant_columns_become_zero(solution, seed, n, value):
    X = features(seed, n, 3, 0.0, 5.0)
    X[:, 1] = value
    check(solution, (X,), oracle(X), compare=near)
