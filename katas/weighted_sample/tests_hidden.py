"""What "Submit" adds: the distribution of many draws, seeds, edges.

Each index's count over N draws is Binomial(N, p_i); a count more than six standard
deviations from N p_i happens with probability about 2e-9 per index, so a correct solution
essentially never fails, while off-by-one slots in the prefix sums or uniform picks are off
by far more.
"""

import math
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reference import weighted_sample as oracle
from tests_sample import draws_from

from graders.kit import Mismatch, check

DRAWS = 20_000


def distribution_within_bound(solution, weights, seed):
    got = check(solution, (weights, DRAWS, seed), oracle(weights, DRAWS, seed),
                compare=draws_from(weights, DRAWS))
    counts = Counter(got.tolist() if hasattr(got, "dtype") else got)
    total = sum(weights)
    for i, weight in enumerate(weights):
        p = weight / total
        spread = 6 * math.sqrt(DRAWS * p * (1 - p))
        if abs(counts[i] - DRAWS * p) > spread:
            raise Mismatch(
                (weights, DRAWS, seed),
                {},
                f"index {i} drawn {DRAWS * p:.0f} +- {spread:.0f} times",
                f"{counts[i]} times",
                "not distributed as the weights",
            )


@pytest.mark.parametrize(
    "weights",
    [[1, 1], [1, 3], [1, 0, 3, 6], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1000, 1], [0, 0, 1, 0]],
)
def test_distribution(solution, weights):
    distribution_within_bound(solution, weights, 11)


def test_huge_weights(solution):
    # Beyond float precision: 2**60 + 1 and 2**60 are equal as floats, fine either way.
    distribution_within_bound(solution, [2**60, 2**60, 2**61], 3)


def test_same_seed_same_draws(solution):
    first = solution([2, 5, 1], 50, 99)
    check(solution, ([2, 5, 1], 50, 99), first, compare=lambda got, want: None
          if list(got) == list(want) else "the same seed gave other draws")


def test_no_draws(solution):
    check(solution, ([1, 2], 0, 0), [], compare=draws_from([1, 2], 0))


def test_one_index(solution):
    check(solution, ([7], 5, 0), [0] * 5, compare=draws_from([7], 5))


def test_many_indices(solution):
    weights = [i % 7 for i in range(1000)]
    check(solution, (weights, 5000, 4), oracle(weights, 5000, 4), compare=draws_from(weights, 5000))


@given(
    weights=st.lists(st.integers(0, 5), min_size=1, max_size=12).filter(any),
    count=st.integers(0, 30),
    seed=st.integers(0, 2**32 - 1),
)
def test_valid_draws(solution, weights, count, seed):
    check(solution, (weights, count, seed), oracle(weights, count, seed),
          compare=draws_from(weights, count))
