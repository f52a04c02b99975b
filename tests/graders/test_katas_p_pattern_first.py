"""The p_pattern_first kata's oracle (Conway's formula) against two other methods."""

from __future__ import annotations

import runpy
from fractions import Fraction
from itertools import product
from pathlib import Path

import pytest

KATA = Path(__file__).parents[2] / "katas" / "p_pattern_first"
oracle = runpy.run_path(str(KATA / "reference.py"))["p_pattern_first"]
# The kata's right/markov_chain.py solves the first-step equations exactly: a second method.
markov = runpy.run_path(str(KATA / "right" / "markov_chain.py"))["p_pattern_first"]


def valid_pairs(longest: int) -> list[tuple[str, str]]:
    patterns = ["".join(t) for n in range(1, longest + 1) for t in product("HT", repeat=n)]
    return [(a, b) for a in patterns for b in patterns if a != b and a not in b and b not in a]


def bounds_by_tossing(a: str, b: str, tosses: int) -> tuple[Fraction, Fraction]:
    """Follow every toss sequence up to `tosses` long: P(a first) lies in [won, won + open]."""
    won = Fraction(0)
    undecided = [""]
    for n in range(1, tosses + 1):
        weight = Fraction(1, 2**n)
        still_open = []
        for history in undecided:
            for toss in "HT":
                extended = history + toss
                if extended.endswith(a):
                    won += weight
                elif not extended.endswith(b):
                    # Only the tail that could still grow into a or b matters.
                    still_open.append(extended[-max(len(a), len(b)) :])
        undecided = still_open
    return won, won + Fraction(len(undecided), 2**tosses)


def test_matches_markov_chain_for_every_pair_up_to_length_four() -> None:
    mismatches = [(a, b) for a, b in valid_pairs(4) if oracle(a, b) != markov(a, b)]
    assert mismatches == []


@pytest.mark.parametrize(("a", "b"), valid_pairs(3))
def test_within_bounds_from_tossing(a: str, b: str) -> None:
    low, high = bounds_by_tossing(a, b, tosses=18)
    assert low <= oracle(a, b) <= high
    assert high - low < Fraction(1, 20)


def test_notes_answer() -> None:
    assert oracle("HH", "TH") == Fraction(1, 4)
