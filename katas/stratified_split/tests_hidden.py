"""What "Submit" adds: counts at the edges, seeds, then the distribution over seeds.

Each position of a class lands in test in Binomial(T, floor(n_c f) / n_c) of T seeds; six
standard deviations away happens with probability about 2e-9 per position.
"""

import math
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st
from reference import stratified_split as oracle
from tests_sample import split_of

from graders.kit import Mismatch, check

SEEDS = 150


def verify(solution, labels, fraction, seed):
    check(solution, (labels, fraction, seed), oracle(labels, fraction, seed),
          compare=split_of(labels, fraction))


def test_empty(solution):
    verify(solution, [], 0.3, 0)


def test_nothing_in_test(solution):
    verify(solution, [1, 2, 1, 2], 0.0, 0)


def test_everything_in_test(solution):
    verify(solution, [1, 2, 1, 2, 3], 1.0, 0)


def test_rounding_down_per_class(solution):
    # 7 * 0.3 = 2.1 -> 2 and 3 * 0.3 = 0.9 -> 0; rounding the total instead gives 3.
    verify(solution, [0] * 7 + [1] * 3, 0.3, 5)


def test_string_labels(solution):
    verify(solution, ["cat", "dog", "cat", "cat", "dog", "eel"], 0.5, 2)


def test_many(solution):
    labels = [i % 13 for i in range(10_000)]
    verify(solution, labels, 0.2, 9)


def test_same_seed_same_split(solution):
    labels = [0, 1] * 10
    first = solution(labels, 0.5, 8)
    check(solution, (labels, 0.5, 8), first)


def test_random_within_each_class(solution):
    labels = [0] * 6 + [1] * 4
    fraction = 0.5
    counts = Counter()
    for seed in range(SEEDS):
        got = solution(labels, fraction, seed)
        reason = split_of(labels, fraction)(got, None)
        if reason:
            raise Mismatch((labels, fraction, seed), {}, "a stratified split", got, reason)
        counts.update(got[1])
    for position, label in enumerate(labels):
        n_c = labels.count(label)
        p = math.floor(n_c * fraction) / n_c
        spread = 6 * math.sqrt(SEEDS * p * (1 - p))
        if abs(counts[position] - SEEDS * p) > spread:
            raise Mismatch(
                (labels, fraction, f"seeds 0..{SEEDS - 1}"),
                {},
                f"position {position} in test {SEEDS * p:.0f} +- {spread:.0f} times",
                f"{counts[position]} times",
                "not uniform within its class",
            )


@given(
    labels=st.lists(st.integers(0, 3), max_size=25),
    fraction=st.sampled_from([0.0, 0.1, 0.25, 1 / 3, 0.5, 0.8, 1.0]),
    seed=st.integers(0, 2**32 - 1),
)
def test_valid_split(solution, labels, fraction, seed):
    verify(solution, labels, fraction, seed)
