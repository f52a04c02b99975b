"""What "Submit" adds to the sample: the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import pairwise_distances as oracle
from tests_sample import near

from graders.kit import check

LIMIT = 100.0


def points(seed, rows, d, scale=LIMIT):
    return np.random.default_rng(seed).uniform(-scale, scale, size=(rows, d))


def test_a_point_with_itself(solution):
    # With these values a . a rounds differently from |a|**2: the expansion dips below zero.
    A = points(2, 20, 7)
    check(solution, (A, A), oracle(A, A), compare=near)


def test_one_dimension(solution):
    A, B = np.array([[1.0], [-2.0]]), np.array([[4.0]])
    check(solution, (A, B), np.array([[3.0], [6.0]]), compare=near)


def test_no_rows_in_a(solution):
    check(solution, (np.zeros((0, 3)), points(1, 4, 3)), np.zeros((0, 4)), compare=near)


def test_no_rows_in_b(solution):
    check(solution, (points(1, 4, 3), np.zeros((0, 3))), np.zeros((4, 0)), compare=near)


def test_more_rows_than_columns_differ(solution):
    # n != m: a transposed answer has the wrong shape.
    A, B = points(5, 3, 2), points(6, 5, 2)
    check(solution, (A, B), oracle(A, B), compare=near)


def test_contract_limits(solution):
    A = np.full((2, 32), LIMIT)
    B = np.vstack([np.full(32, -LIMIT), np.full(32, LIMIT)])
    expected = np.array([[2 * LIMIT * np.sqrt(32.0), 0.0], [2 * LIMIT * np.sqrt(32.0), 0.0]])
    check(solution, (A, B), expected, compare=near)


def test_largest_case(solution):
    A, B = points(8, 300, 32), points(9, 200, 32)
    check(solution, (A, B), oracle(A, B), compare=near)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 12),
    m=st.integers(1, 12),
    d=st.integers(1, 6),
    scale=st.sampled_from([1.0, LIMIT]),
)
def test_matches_reference(solution, seed, n, m, d, scale):
    A, B = points(seed, n, d, scale), points(seed + 1, m, d, scale)
    check(solution, (A, B), oracle(A, B), compare=near)


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 12), d=st.integers(1, 8))
def test_shared_points_are_at_zero(solution, seed, n, d):
    A = points(seed, n, d)
    B = A[::-1].copy()
    check(solution, (A, B), oracle(A, B), compare=near)
