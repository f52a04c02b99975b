"""What "Submit" adds to the samples: the edges of the contract, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import one_hot as oracle
from tests_sample import same_matrix

from graders.kit import check, check_raises


@st.composite
def labelled(draw):
    k = draw(st.integers(1, 12))
    labels = draw(st.lists(st.integers(0, k - 1), max_size=25))
    return labels, k


def test_no_labels(solution):
    check(solution, ([], 3), np.zeros((0, 3)), compare=same_matrix)


def test_no_labels_numpy(solution):
    check(solution, (np.array([], dtype=np.int64), 2), np.zeros((0, 2)), compare=same_matrix)


def test_one_class(solution):
    check(solution, ([0, 0, 0], 1), np.ones((3, 1)), compare=same_matrix)


def test_negative_label(solution):
    check_raises(solution, ([0, -1], 3), "ValueError")


def test_negative_label_numpy(solution):
    check_raises(solution, (np.array([1, -3]), 3), "ValueError")


def test_label_far_too_large(solution):
    check_raises(solution, ([0, 1, 10**6], 5), "ValueError")


def test_many_labels(solution):
    labels = np.arange(3000) % 97
    check(solution, (labels, 100), oracle(labels, 100), compare=same_matrix)


@given(case=labelled(), as_numpy=st.booleans())
def test_matches_reference(solution, case, as_numpy):
    labels, k = case
    args = (np.array(labels, dtype=np.int64) if as_numpy else labels, k)
    check(solution, args, oracle(labels, k), compare=same_matrix)


@given(case=labelled(), bad=st.one_of(st.integers(-50, -1), st.integers(0, 50)))
def test_out_of_range_raises(solution, case, bad):
    labels, k = case
    labels = [*labels, bad + k if bad >= 0 else bad]
    check_raises(solution, (labels, k), "ValueError")
