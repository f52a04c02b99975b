"""What "Submit" adds to the samples: edges, long strings, then properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reference import edit_distance as oracle

from graders.kit import check

words = st.text(alphabet="abc", max_size=10)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "", 3),
        ("a", "b", 1),
        ("ab", "ba", 2),
        ("abcdef", "azced", 3),
        ("intention", "execution", 5),
        ("héllo", "hello", 1),
        ("🙂a", "a🙂", 2),
    ],
)
def test_small_cases(solution, a, b, distance):
    check(solution, (a, b), distance)


def test_substitution_beats_delete_plus_insert(solution):
    check(solution, ("x" * 50, "y" * 50), 50)


def test_long_strings(solution):
    a = "".join("abcde"[(i * i) % 5] for i in range(400))
    b = "".join("abcde"[(i * 7 + 3) % 5] for i in range(300))
    check(solution, (a, b), oracle(a, b))


@given(a=words, b=words)
def test_matches_reference(solution, a, b):
    check(solution, (a, b), oracle(a, b))


@given(a=words, b=words)
def test_symmetric(solution, a, b):
    check(solution, (b, a), oracle(a, b))
