"""What "Submit" adds to the samples: ties, edges, size, then a property."""

from hypothesis import given
from hypothesis import strategies as st
from reference import top_k_frequent as oracle

from graders.kit import check


@st.composite
def cases(draw):
    nums = draw(st.lists(st.integers(-6, 6), max_size=30))
    return nums, draw(st.integers(0, len(set(nums))))


def test_empty(solution):
    check(solution, ([], 0), [])


def test_all_distinct(solution):
    check(solution, ([9, -1, 4, 0], 4), [-1, 0, 4, 9])


def test_tie_against_first_appearance(solution):
    check(solution, ([3, 3, 1, 1, 2], 2), [1, 3])


def test_negative_values(solution):
    check(solution, ([-2, -2, -5, -5, -5, 0], 2), [-5, -2])


def test_beyond_machine_words(solution):
    big = 2**80
    check(solution, ([big, big, -big, 1, -big, -big], 2), [-big, big])


def test_many(solution):
    nums = [(i * i) % 1009 for i in range(100_000)]
    check(solution, (nums, 50), oracle(nums, 50))


@given(case=cases())
def test_matches_reference(solution, case):
    check(solution, case, oracle(*case))
