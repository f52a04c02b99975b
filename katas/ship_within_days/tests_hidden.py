"""What "Submit" adds to the samples: bounds, big weights, size, then properties."""

from hypothesis import given
from hypothesis import strategies as st
from reference import ship_within_days as oracle

from graders.kit import check

LIGHT = st.integers(1, 12)


@st.composite
def cases(draw, weight=LIGHT):
    weights = draw(st.lists(weight, min_size=1, max_size=25))
    return weights, draw(st.integers(1, len(weights)))


def test_one_day(solution):
    check(solution, ([4, 1, 7], 1), 12)


def test_one_package_a_day(solution):
    # The answer is the heaviest package: a search starting below it must still say so.
    check(solution, ([4, 1, 7], 3), 7)


def test_heavy_package_first(solution):
    check(solution, ([10, 1, 1, 1], 2), 10)


def test_single_package(solution):
    check(solution, ([5], 1), 5)


def test_beyond_machine_words(solution):
    weights = [2**70, 2**70, 1, 2**71]
    check(solution, (weights, 2), oracle(weights, 2))


def test_large_weights(solution):
    # About 10**12 capacities to try one by one.
    weights = [(i * 7919) % 10**9 + 10**9 for i in range(1000)]
    check(solution, (weights, 7), oracle(weights, 7))


def test_many_packages(solution):
    weights = [(i * 31) % 500 + 1 for i in range(10_000)]
    check(solution, (weights, 60), oracle(weights, 60))


@given(case=cases())
def test_matches_reference(solution, case):
    check(solution, case, oracle(*case))


@given(case=cases(st.integers(1, 2**70)))
def test_matches_reference_heavy(solution, case):
    check(solution, case, oracle(*case))
