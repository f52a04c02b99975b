"""What "Submit" adds to the samples: the edges of the contract, then properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reference import valid_parentheses as oracle

from graders.kit import check

PAIRS = ["()", "[]", "{}"]


@st.composite
def balanced(draw):
    """A valid string from a walk: open a bracket (0-2) or close the innermost one (3)."""
    opened: list[str] = []
    out = []
    for step in draw(st.lists(st.integers(0, 3), max_size=30)):
        if step < 3:
            opened.append(PAIRS[step])
            out.append(PAIRS[step][0])
        elif opened:
            out.append(opened.pop()[1])
    return "".join(out) + "".join(pair[1] for pair in reversed(opened))


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
    s = "(" * 10_000 + ")" * 9_999 + "]"
    check(solution, (s,), False)


def test_long_flat(solution):
    check(solution, ("()[]{}" * 3_000,), True)


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
