"""What "Submit" adds: intervals against the exact binomial law, seeds, edges."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reference import bootstrap_ci as oracle
from tests_sample import interval_for

from graders.kit import Mismatch, check


@pytest.mark.parametrize(
    ("ones", "zeros", "resamples", "confidence"),
    [
        (20, 20, 2000, 0.95),
        (3, 27, 2000, 0.95),  # skewed: p = 0.1
        (45, 5, 3000, 0.9),
        (10, 10, 2000, 0.5),
        (50, 50, 5000, 0.99),
    ],
)
def test_against_the_binomial_law(solution, ones, zeros, resamples, confidence):
    data = [1] * ones + [0] * zeros
    check(solution, (data, resamples, confidence, 7), oracle(data, resamples, confidence, 7),
          compare=interval_for(data, resamples, confidence))


def test_float_data_in_order(solution):
    data = [2.5, -1.0, 3.25, 0.0, 10.0]
    low, high = solution(data, 500, 0.9, 4)
    if not (min(data) <= low <= high <= max(data)):
        wanted = "min <= low <= high <= max"
        raise Mismatch((data, 500, 0.9, 4), {}, wanted, (low, high), "out of range")


def test_one_value(solution):
    check(solution, ([1.5], 100, 0.95, 0), (1.5, 1.5),
          compare=lambda got, want: None if got == want else "expected exactly (1.5, 1.5)")


def test_same_seed_same_interval(solution):
    # Twelve distinct values: an answer that ignores the seed gives the same interval twice
    # in a row by chance (about 2% of the time with five values), never three times.
    data = [0.5, 1.5, 2.0, 8.0, 3.0, -1.25, 4.75, 0.125, 6.5, 2.625, -3.0, 5.375]
    first = solution(data, 300, 0.9, 11)
    check(solution, (data, 300, 0.9, 11), first)
    check(solution, (data, 300, 0.9, 11), first)


def test_seed_matters(solution):
    data = [0.5, 1.5, 2.0, 8.0, 3.0, 4.5, -2.0]
    found = {solution(data, 200, 0.9, seed) for seed in range(4)}
    if len(found) < 2:
        call = (data, 200, 0.9, "seeds 0..3")
        raise Mismatch(call, {}, "intervals that vary", found, "seed ignored")


@given(
    ones=st.integers(0, 30),
    zeros=st.integers(0, 30),
    confidence=st.sampled_from([0.8, 0.9, 0.95]),
    seed=st.integers(0, 2**32 - 1),
)
def test_binomial_law_property(solution, ones, zeros, confidence, seed):
    data = [1] * ones + [0] * zeros or [1]
    check(solution, (data, 1000, confidence, seed), oracle(data, 1000, confidence, seed),
          compare=interval_for(data, 1000, confidence))
