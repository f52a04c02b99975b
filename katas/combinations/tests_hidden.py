"""What "Submit" checks besides the samples: edge cases, then properties against the reference."""

import itertools

from hypothesis import given
from hypothesis import strategies as st
from reference import combinations as oracle
from tests_sample import same_combinations

from graders.kit import check


def test_nothing_from_nothing(solution):
    check(solution, (0, 0), [[]], compare=same_combinations)


def test_something_from_nothing(solution):
    check(solution, (0, 1), [], compare=same_combinations)


def test_choose_all(solution):
    check(solution, (4, 4), [[1, 2, 3, 4]], compare=same_combinations)


def test_choose_one(solution):
    check(solution, (4, 1), [[1], [2], [3], [4]], compare=same_combinations)


def test_four_choose_three(solution):
    expected = [[1, 2, 3], [1, 2, 4], [1, 3, 4], [2, 3, 4]]
    check(solution, (4, 3), expected, compare=same_combinations)


def ascending_combinations(n, k):
    # The reference's answer, in its order, at C speed (itertools yields the k-subsets of
    # 1..n in lexicographic order, as the reference's backtracking does): 16 choose 8 in
    # ~3 ms instead of ~12.
    return [list(c) for c in itertools.combinations(range(1, n + 1), k)]


def test_sixteen_choose_eight(solution):
    check(solution, (16, 8), ascending_combinations(16, 8), compare=same_combinations)


# The contract's edges at n = 16 (all 16 bits of a mask in use) and k = 20.
def test_sixteen_choose_none_one_all(solution):
    check(solution, (16, 0), [[]], compare=same_combinations)
    check(solution, (16, 1), [[i] for i in range(1, 17)], compare=same_combinations)
    check(solution, (16, 15), ascending_combinations(16, 15), compare=same_combinations)
    check(solution, (16, 16), [list(range(1, 17))], compare=same_combinations)


def test_largest_k(solution):
    check(solution, (16, 20), [], compare=same_combinations)
    check(solution, (0, 20), [], compare=same_combinations)


# k runs a little past n so that "k > n gives []" comes up often.
@given(n=st.integers(0, 12), k=st.integers(0, 14))
def test_matches_reference(solution, n, k):
    check(solution, (n, k), oracle(n, k), compare=same_combinations)
