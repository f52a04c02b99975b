"""What "Submit" adds to the samples: both kinds of tie, sizes, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import knn_classify as oracle
from tests_sample import same_labels

from graders.kit import check


def verify(solution, X_train, y_train, X_test, k):
    expected = oracle(X_train, y_train, X_test, k)
    check(solution, (X_train, y_train, X_test, k), expected, compare=same_labels)


def test_vote_tie_goes_to_the_smaller_label(solution):
    # The nearest point votes 5, the next votes 2: 2 wins the tie, not the nearer 5.
    X_train = np.array([[0.0], [1.0], [3.0]])
    verify(solution, X_train, np.array([5, 2, 2]), np.array([[0.1]]), 2)


def test_distance_tie_goes_to_the_earlier_point(solution):
    # Four training points at distance 1; k = 1 takes the first, label 3.
    X_train = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    verify(solution, X_train, np.array([3, 1, 0, 2]), np.zeros((1, 2)), 1)


def test_many_equal_distances(solution):
    # Many duplicates of one point with different labels: an unstable sort picks any of them.
    X_train = np.zeros((40, 2))
    y_train = np.arange(40) % 7
    verify(solution, X_train, y_train, np.array([[1.0, 1.0], [0.0, 0.0]]), 5)


def test_ties_keep_the_earlier_training_point(solution):
    # Distances 1, 0, 1, 0, ...: an unstable argsort (numpy's default) may order the ties any
    # way, and its SIMD sort keeps 40 equal keys in order on some CPUs but not this pattern.
    X_train = np.array([[1.0], [0.0]] * 10)
    y_train = 19 - np.arange(20)
    for k in (3, 5):
        verify(solution, X_train, y_train, np.array([[0.0]]), k)


def test_k_is_everything(solution):
    X_train = np.array([[0.0], [5.0], [6.0]])
    verify(solution, X_train, np.array([1, 0, 0]), np.array([[0.0], [100.0]]), 3)


def test_no_test_points(solution):
    args = (np.array([[0.0]]), np.array([0]), np.zeros((0, 1)), 1)
    check(solution, args, np.zeros(0, dtype=np.int64), compare=same_labels)


def test_large_labels(solution):
    # The point at 0.0 is nearest; the answer is written out, as the reference would spend
    # a million-entry bincount on it.
    args = (np.array([[0.0], [1.0]]), np.array([10**6, 3]), np.array([[0.2]]), 1)
    check(solution, args, np.array([10**6]), compare=same_labels)


# The reference's labels for test_large_case, one digit per test point: computing them in
# the test cost each grading ~30 ms of CPU. Should a numpy release ever change default_rng's
# streams, the reference fails this test and `katas check` says so.
LARGE_CASE_LABELS = (
    "43953401952940056890908587316800416080900052077794715613443561907468233646326355"
    "31076643061845784274708441204900222332050710501865434821003064214624121406345735"
    "2464708525876288170123694730884381033400"
)


def test_large_case(solution):
    rng = np.random.default_rng(3)
    X_train = rng.uniform(-1e3, 1e3, size=(2000, 10))
    y_train = rng.integers(0, 10, size=2000)
    X_test = rng.uniform(-1e3, 1e3, size=(200, 10))
    expected = np.array([int(label) for label in LARGE_CASE_LABELS])
    check(solution, (X_train, y_train, X_test, 15), expected, compare=same_labels)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 25),
    m=st.integers(0, 6),
    k=st.integers(1, 25),
    classes=st.integers(1, 4),
)
def test_matches_reference_on_a_grid(solution, seed, n, m, k, classes):
    # Integer coordinates: distance ties and vote ties happen all the time.
    rng = np.random.default_rng(seed)
    X_train = rng.integers(-3, 4, size=(n, 2)).astype(float)
    X_test = rng.integers(-3, 4, size=(m, 2)).astype(float)
    verify(solution, X_train, rng.integers(0, classes, size=n), X_test, min(k, n))


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 60), k=st.integers(1, 9))
def test_matches_reference(solution, seed, n, k):
    rng = np.random.default_rng(seed)
    X_train = rng.normal(0.0, 50.0, size=(n, 5))
    X_test = rng.normal(0.0, 50.0, size=(8, 5))
    verify(solution, X_train, rng.integers(0, 5, size=n), X_test, min(k, n))
