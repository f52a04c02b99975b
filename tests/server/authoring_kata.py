"""A small kata as the authoring form sends it, for the authoring tests (routes and browser)."""

from __future__ import annotations

from typing import Any

from server.authoring.files import KataDraft, Solution

STATEMENT = "# Add two numbers\n\nReturn `a + b` for two integers; e.g. $2 + 3 = 5$.\n"
STARTER = "def add(a, b):\n    raise NotImplementedError\n"
REFERENCE = "def add(a, b):\n    return a + b\n"
SAMPLE = (
    "from graders.kit import check\n\n\ndef test_small(solution):\n    check(solution, (2, 3), 5)\n"
)
HIDDEN = (
    "from hypothesis import given, strategies as st\n\n"
    "from graders.kit import check\nfrom reference import add\n\n\n"
    "@given(st.integers(), st.integers())\n"
    "def test_matches_reference(solution, a, b):\n    check(solution, (a, b), add(a, b))\n"
)
SUBTRACTS = "def add(a, b):\n    return a - b\n"
SWAPPED = "def add(a, b):\n    return b + a\n"


def add_draft(kata_id: str = "add_two", **changes: Any) -> KataDraft:
    """The kata as the domain takes it: sound unless `changes` break it."""
    fields: dict[str, Any] = {
        "kata_id": kata_id,
        "title": "Add two numbers",
        "function": "add",
        "difficulty": "easy",
        "topics": ("basics",),
        "expected_minutes": 5,
        "max_examples": 20,
        "limits": (("wall_seconds", 5.0),),
        "statement": STATEMENT,
        "starter": STARTER,
        "reference": REFERENCE,
        "tests_sample": SAMPLE,
        "tests_hidden": HIDDEN,
        "wrong": (Solution("subtracts", SUBTRACTS, "failed"),),
        "right": (Solution("swapped", SWAPPED),),
    }
    return KataDraft(**{**fields, **changes})


def add_form(kata_id: str = "add_two", **changes: Any) -> dict[str, Any]:
    """The same kata as the editor's form fields."""
    return {
        "kata_id": kata_id,
        "title": "Add two numbers",
        "difficulty": "easy",
        "topics": "basics",
        "function": "add",
        "expected_minutes": "5",
        "max_examples": "20",
        "wall_seconds": "5",
        "statement": STATEMENT,
        "starter": STARTER,
        "reference": REFERENCE,
        "tests_sample": SAMPLE,
        "tests_hidden": HIDDEN,
        "wrong_name": ["subtracts", ""],
        "wrong_verdict": ["failed", "failed"],
        "wrong_code": [SUBTRACTS, ""],
        "right_name": ["swapped", ""],
        "right_code": [SWAPPED, ""],
        **changes,
    }
