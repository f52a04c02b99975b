"""What "Submit" adds to the samples: negatives, leftovers, strides, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import max_pool as oracle
from tests_sample import same_maxima

from graders.kit import check


def verify(solution, x, size, stride):
    check(solution, (x, size, stride), oracle(x, size, stride), compare=same_maxima)


def test_all_negative(solution):
    # A running maximum that starts at 0 reports 0 here.
    x = -np.arange(1.0, 17.0).reshape(4, 4)
    check(solution, (x, 2, 2), np.array([[-1.0, -3.0], [-9.0, -11.0]]), compare=same_maxima)


def test_window_is_everything(solution):
    check(solution, (np.array([[1.0, -5.0], [2.0, 0.5]]), 2, 1), np.array([[2.0]]),
          compare=same_maxima)


def test_one_by_one(solution):
    x = np.array([[3.0, -1.0, 2.0]])
    check(solution, (x, 1, 1), x, compare=same_maxima)


def test_stride_larger_than_window(solution):
    verify(solution, np.arange(49.0).reshape(7, 7)[::-1], 2, 3)


def test_leftover_rows_and_columns(solution):
    verify(solution, np.random.default_rng(1).normal(size=(9, 11)), 3, 2)


def test_not_square(solution):
    verify(solution, np.random.default_rng(2).normal(size=(4, 10)), 2, 2)


def test_largest_case(solution):
    verify(solution, np.random.default_rng(3).uniform(-1e6, 1e6, size=(256, 256)), 3, 2)


@st.composite
def problems(draw):
    h, w = draw(st.integers(1, 10)), draw(st.integers(1, 10))
    size = draw(st.integers(1, min(h, w)))
    stride = draw(st.integers(1, 4))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return rng.integers(-9, 10, size=(h, w)).astype(float), size, stride


@given(problem=problems())
def test_matches_reference(solution, problem):
    verify(solution, *problem)
