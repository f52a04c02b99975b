"""The p_all_distinct kata's oracle (a float product) against exact counting."""

from __future__ import annotations

import math
import runpy
from fractions import Fraction
from itertools import product
from pathlib import Path

import pytest

KATA = Path(__file__).parents[2] / "katas" / "p_all_distinct"
oracle = runpy.run_path(str(KATA / "reference.py"))["p_all_distinct"]


def by_enumeration(people: int, days: int) -> Fraction:
    """List every assignment of birthdays and count those with no day repeated."""
    distinct = sum(
        len(set(days_chosen)) == people for days_chosen in product(range(days), repeat=people)
    )
    return Fraction(distinct, days**people)


@pytest.mark.parametrize(
    ("people", "days"),
    [(people, days) for days in range(1, 8) for people in range(0, 8) if days**people <= 8**6],
)
def test_reference_matches_enumeration(people: int, days: int) -> None:
    assert math.isclose(
        oracle(people, days), by_enumeration(people, days), rel_tol=0, abs_tol=1e-12
    )


@pytest.mark.parametrize("days", [1, 2, 7, 365, 1000, 10**6, 10**7, 10**12, 2**63 + 1, 2**64])
def test_reference_matches_exact_fraction(days: int) -> None:
    for people in [*range(0, 120), 364, 365, 366, 999, 1000]:
        # int / int rounds the exact quotient once, however many digits the two have.
        exact = math.perm(days, people) / days**people
        assert math.isclose(oracle(people, days), exact, rel_tol=0, abs_tol=1e-12), people


def test_notes_answer_and_facts() -> None:
    assert round(oracle(30), 4) == 0.2937
    assert oracle(23) < 0.5 < oracle(22)
    assert oracle(57) < 0.01 < oracle(56)
