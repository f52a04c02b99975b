"""What "Submit" adds to the samples: the edges of the contract, then properties."""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import binary_cross_entropy as oracle
from tests_sample import within

from graders.kit import check

LIMIT = 1e4
scales = st.sampled_from([0.5, 5.0, 50.0, 800.0, LIMIT])


def batch(seed, n, scale):
    rng = np.random.default_rng(seed)
    return rng.uniform(-scale, scale, size=n), rng.integers(0, 2, size=n)


def test_confident_and_right(solution):
    # sigmoid(40) rounds to 1.0: 1 - sigmoid is 0, yet the loss is e**-40, not log(0).
    logits, labels = np.array([40.0, -40.0]), np.array([1, 0])
    check(solution, (logits, labels), math.log1p(math.exp(-40.0)), compare=within)


def test_confidently_wrong_negative_class(solution):
    check(solution, (np.array([LIMIT]), np.array([0])), LIMIT, compare=within)


def test_no_clipping(solution):
    # Clipping probabilities to [1e-7, 1 - 1e-7] caps each loss at about 16.1.
    logits, labels = np.array([-50.0, 50.0, 0.0]), np.array([1, 0, 1])
    check(solution, (logits, labels), oracle(logits, labels), compare=within)


def test_mean_not_sum(solution):
    logits, labels = np.zeros(8), np.array([0, 1] * 4)
    check(solution, (logits, labels), math.log(2.0), compare=within)


def test_all_one_class(solution):
    logits, labels = np.array([3.0, -2.0, 0.5, 9.0]), np.zeros(4, dtype=np.int64)
    check(solution, (logits, labels), oracle(logits, labels), compare=within)


def test_contract_limits(solution):
    logits = np.array([LIMIT, -LIMIT, LIMIT, -LIMIT])
    labels = np.array([1, 1, 0, 0])
    check(solution, (logits, labels), LIMIT / 2, compare=within)


def test_long_batch(solution):
    logits, labels = batch(3, 5000, 20.0)
    check(solution, (logits, labels), oracle(logits, labels), compare=within)


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 30), scale=scales)
def test_matches_reference(solution, seed, n, scale):
    logits, labels = batch(seed, n, scale)
    check(solution, (logits, labels), oracle(logits, labels), compare=within)
