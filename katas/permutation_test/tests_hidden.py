"""What "Submit" adds: p-values against the exact test, seeds, edges.

The exact p-value enumerates every split of the pooled values (at most a few thousand here).
A Monte Carlo estimate with N shuffles has standard deviation sqrt(p (1 - p) / N) around it,
and the +1 adds at most 1 / (N + 1): six standard deviations plus that is missed with
probability about 2e-9 by a correct solution.
"""

import math
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graders.kit import Mismatch, check, close

SHUFFLES = 1000


def exact_p_value(a, b):
    """The share of all splits whose |difference in means| is at least the observed one."""
    pooled = a + b
    total = sum(pooled)

    def statistic(sum_a):
        # |sum_a / len(a) - (total - sum_a) / len(b)| times len(a) * len(b): the same order
        # in ints, so the same hits as with exact fractions, at a fraction of the CPU.
        return abs(sum_a * len(b) - (total - sum_a) * len(a))

    observed = statistic(sum(a))
    hits = sum(statistic(sum(chosen)) >= observed for chosen in combinations(pooled, len(a)))
    return hits / math.comb(len(pooled), len(a))


def near_exact(p, n):
    """Within six standard deviations (plus the +1's bias) of the exact p-value `p`."""
    slack = 6 * math.sqrt(p * (1 - p) / n) + 1 / (n + 1)

    def compare(got, expected):
        if isinstance(got, bool) or not isinstance(got, float):
            return "expected a float"
        if not abs(got - p) <= slack:
            return f"not within {slack:.4f} of the exact p-value {p:.4f}"
        return None

    return compare


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([3, 5, 6, 9, 4, 7], [2, 4, 1, 5, 3, 6]),  # p near 0.1
        ([1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6, 7]),  # p near 0.4, many ties
        ([10, 0, 5, 5], [4, 6, 5, 5, 5, 3]),  # different sizes
        ([1_000_000, -1_000_000, 7], [0, 2, 1, 3, 0]),  # large magnitudes
    ],
)
def test_close_to_the_exact_p_value(solution, a, b):
    p = exact_p_value(a, b)
    check(solution, (a, b, SHUFFLES, 5), p, compare=near_exact(p, SHUFFLES))


def test_never_zero(solution):
    a, b = [100, 101, 102, 103, 104, 105, 106, 107, 108, 109], list(range(10))
    check(solution, (a, b, 50, 3), 1 / 51, compare=close(rel=0.0, abs=1e-12))


def test_one_each(solution):
    # Two splits, both as extreme as the observed one.
    check(solution, ([4], [9], 100, 2), 1.0, compare=close(rel=0.0, abs=1e-12))


def test_same_seed_same_p_value(solution):
    a, b = [3, 5, 6, 9, 4, 7], [2, 4, 1, 5, 3, 6]
    first = solution(a, b, 500, 42)
    check(solution, (a, b, 500, 42), first, compare=close(rel=0.0, abs=0.0))


def test_seed_matters(solution):
    a, b = [3, 5, 6, 9, 4, 7], [2, 4, 1, 5, 3, 6]
    values = {solution(a, b, 300, seed) for seed in range(4)}
    if len(values) < 2:
        raise Mismatch((a, b, 300, "seeds 0..3"), {}, "p-values that vary", values, "seed ignored")


@given(
    a=st.lists(st.integers(-5, 5), min_size=1, max_size=5),
    b=st.lists(st.integers(-5, 5), min_size=1, max_size=5),
    seed=st.integers(0, 2**32 - 1),
)
def test_close_to_exact_on_small_samples(solution, a, b, seed):
    p = exact_p_value(a, b)
    check(solution, (a, b, 400, seed), p, compare=near_exact(p, 400))
