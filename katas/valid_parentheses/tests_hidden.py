"""What "Submit" adds to the samples: the edges of the contract, then properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reference import valid_parentheses as oracle

from graders.kit import check

PAIRS = ["()", "[]", "{}"]


@st.composite
def balanced(draw, depth=0):
    """A valid string: a sequence of bracket pairs, each around a valid string."""
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        pair = draw(st.sampled_from(PAIRS))
        parts.append(pair[0] + draw(balanced(depth + 1)) + pair[1])
    return "".join(parts)


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("(", False),
        ("]", False),
        ("(]", False),
        ("{)", False),
        ("([]", False),
        ("())", False),
        ("[](", False),
        ("(([]){})", True),
        ("{[]}([{}])", True),
        (")()(", False),
    ],
)
def test_small_cases(solution, s, expected):
    check(solution, (s,), expected)


def test_deep_nesting(solution):
    s = "([{" * 33_333 + "}])" * 33_333
    check(solution, (s,), True)


def test_deep_nesting_one_wrong(solution):
    s = "(" * 50_000 + ")" * 49_999 + "]"
    check(solution, (s,), False)


def test_long_flat(solution):
    check(solution, ("()[]{}" * 16_000,), True)


def test_counts_balance_but_order_does_not(solution):
    check(solution, ("[(])" * 1000,), False)


@given(s=balanced())
def test_balanced_strings_are_valid(solution, s):
    check(solution, (s,), True)


@given(s=balanced(), at=st.integers(0, 60), char=st.sampled_from("()[]{}"))
def test_one_change(solution, s, at, char):
    # Insert or replace one bracket: usually invalid, sometimes not; the reference decides.
    at = at % (len(s) + 1)
    for changed in (s[:at] + char + s[at:], s[:at] + char + s[at + 1 :]):
        check(solution, (changed,), oracle(changed))


@given(s=st.text(alphabet="()[]{}", max_size=20))
def test_matches_reference(solution, s):
    check(solution, (s,), oracle(s))
