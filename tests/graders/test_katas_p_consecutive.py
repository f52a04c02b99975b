"""The p_consecutive kata's oracle against a second method: listing every outcome."""

from __future__ import annotations

import runpy
from fractions import Fraction
from itertools import product
from pathlib import Path

import pytest

KATA = Path(__file__).parents[2] / "katas" / "p_consecutive"
oracle = runpy.run_path(str(KATA / "reference.py"))["p_consecutive"]


def by_enumeration(rolls: int, run: int, sides: int) -> Fraction:
    """Count the outcomes (face 0 standing for the 3) that hold `run` zeros in a row."""
    target = (0,) * run
    hits = sum(
        any(outcome[i : i + run] == target for i in range(rolls - run + 1))
        for outcome in product(range(sides), repeat=rolls)
    )
    return Fraction(hits, sides**rolls)


SMALL_CASES = [
    (rolls, run, sides)
    for sides in range(1, 7)
    for rolls in range(0, 7)
    for run in range(1, 5)
    if sides**rolls <= 6**6
]


@pytest.mark.parametrize(("rolls", "run", "sides"), SMALL_CASES)
def test_reference_matches_enumeration(rolls: int, run: int, sides: int) -> None:
    assert oracle(rolls, run, sides) == by_enumeration(rolls, run, sides)


def test_notes_answer() -> None:
    assert oracle(3) == Fraction(11, 216)
