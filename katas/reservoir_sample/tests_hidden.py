"""What "Submit" adds: seeds, repeats, then the distribution over many seeds.

A distribution test calls the solution with T seeds and counts how often each position is
sampled (the stream holds distinct values, so values name positions). For a correct sampler
each count is Binomial(T, k/n); a count more than six standard deviations from T k / n
happens with probability about 2e-9 per position, so a correct solution essentially never
fails, while the usual off-by-one (a new item entering with probability k / (i - 1) instead
of k / i) is off by many more than six.
"""

import math
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reference import reservoir_sample as oracle
from tests_sample import sample_of

from graders.kit import Mismatch, check

TRIALS = 150


def counts_within_bound(solution, n, k):
    stream = list(range(n))
    valid = sample_of(stream, k)
    counts = Counter()
    for seed in range(TRIALS):
        got = solution(stream, k, seed)
        reason = valid(got, None)
        if reason:
            raise Mismatch((stream, k, seed), {}, f"{min(k, n)} items of the stream", got, reason)
        counts.update(got)
    p = k / n
    spread = 6 * math.sqrt(TRIALS * p * (1 - p))
    worst = max(range(n), key=lambda i: abs(counts[i] - TRIALS * p))
    if abs(counts[worst] - TRIALS * p) > spread:
        raise Mismatch(
            (stream, k, f"seeds 0..{TRIALS - 1}"),
            {},
            f"item {worst} sampled {TRIALS * p:.0f} +- {spread:.0f} times",
            f"{counts[worst]} times",
            "not uniform",
        )


@pytest.mark.parametrize(("n", "k"), [(4, 1), (3, 2), (8, 3)])
def test_every_item_equally_likely(solution, n, k):
    counts_within_bound(solution, n, k)


def test_same_seed_same_sample(solution):
    stream = list(range(50))
    first = solution(stream, 5, 123)
    check(solution, (stream, 5, 123), first)


def test_seed_matters(solution):
    stream = list(range(50))
    samples = {tuple(sorted(solution(stream, 5, seed))) for seed in range(5)}
    if len(samples) < 3:
        raise Mismatch((stream, 5, "seeds 0..4"), {}, "different samples", samples, "seed ignored")


def test_repeated_values(solution):
    stream = ["x", "x", "y"]
    check(solution, (stream, 2, 3), oracle(stream, 2, 3), compare=sample_of(stream, 2))
    # Every position counts, equal or not: k >= n keeps every item, repeats included.
    check(solution, (stream, 3, 3), oracle(stream, 3, 3), compare=sample_of(stream, 3))
    check(solution, (["x", "x"], 2, 0), oracle(["x", "x"], 2, 0), compare=sample_of(["x", "x"], 2))


def test_k_equals_n(solution):
    stream = [3, 1, 2]
    check(solution, (stream, 3, 5), stream, compare=sample_of(stream, 3))


def test_long_stream(solution):
    stream = list(range(20_000))
    check(solution, (stream, 10, 1), stream[-10:], compare=sample_of(stream, 10))


@given(
    stream=st.lists(st.integers(0, 5) | st.text(max_size=2), max_size=15),
    k=st.integers(1, 6),
    seed=st.integers(0, 2**32 - 1),
)
def test_a_sample_of_the_stream(solution, stream, k, seed):
    check(solution, (stream, k, seed), oracle(stream, k, seed), compare=sample_of(stream, k))
