"""What "Submit" adds to the samples: ties, the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import roc_auc as oracle
from tests_sample import within

from graders.kit import check, check_raises

# Few distinct scores make ties common, which is where sweeps go wrong.
few_scores = st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0])
any_scores = st.floats(-1e9, 1e9, allow_nan=False)


@st.composite
def labelled_scores(draw, scores):
    pairs = draw(st.lists(st.tuples(st.integers(0, 1), scores), min_size=2, max_size=30))
    pairs += [(0, draw(scores)), (1, draw(scores))]
    order = draw(st.permutations(range(len(pairs))))
    return [pairs[i][0] for i in order], [pairs[i][1] for i in order]


def test_perfect_ranking(solution):
    check(solution, ([1, 1, 0], [3.0, 2.0, 1.0]), 1.0, compare=within)


def test_inverted_ranking(solution):
    check(solution, ([0, 0, 1], [3.0, 2.0, 1.0]), 0.0, compare=within)


def test_all_scores_equal(solution):
    check(solution, ([1, 0, 0, 1, 1], [0.3] * 5), 0.5, compare=within)


def test_tied_group_in_the_middle(solution):
    labels = [0, 1, 0, 1, 0, 1]
    scores = [0.1, 0.5, 0.5, 0.5, 0.9, 0.95]
    check(solution, (labels, scores), oracle(labels, scores), compare=within)


def test_positive_listed_before_tied_negative(solution):
    # A stable sort keeps this order; counting the positive first would give 1.0.
    check(solution, ([1, 0], [0.7, 0.7]), 0.5, compare=within)


def test_numpy_inputs(solution):
    labels, scores = np.array([0, 1, 1, 0]), np.array([0.2, 0.6, 0.2, 0.1])
    check(solution, (labels, scores), oracle(labels, scores), compare=within)


def test_negative_and_huge_scores(solution):
    labels, scores = [1, 0, 1, 0], [-1e300, 1e300, 5.0, -5.0]
    check(solution, (labels, scores), 0.25, compare=within)


def test_no_positives(solution):
    check_raises(solution, ([0, 0, 0], [0.1, 0.2, 0.3]), "ValueError")


def test_empty(solution):
    check_raises(solution, ([], []), "ValueError")


def test_long_with_ties(solution):
    rng = np.random.default_rng(4)
    labels = rng.integers(0, 2, size=5000)
    scores = np.round(rng.normal(labels * 0.5, 1.0), 1)
    check(solution, (labels, scores), oracle(labels, scores), compare=within)


@given(case=labelled_scores(few_scores))
def test_matches_reference_with_ties(solution, case):
    check(solution, case, oracle(*case), compare=within)


@given(case=labelled_scores(any_scores))
def test_matches_reference(solution, case):
    check(solution, case, oracle(*case), compare=within)
