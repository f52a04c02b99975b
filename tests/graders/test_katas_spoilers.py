"""Puzzles stay puzzles: a kata with a quick answer never shows that answer before it is asked.

The statement and the sample tests are what a candidate reads next to the quick-answer box;
the hidden tests keep the puzzle's own case.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import pytest

from graders import Kata, load_katas
from graders.answers import parse_answer

KATAS_DIR = Path(__file__).parents[2] / "katas"
QUICK_KATAS = [kata for kata in load_katas(KATAS_DIR)[0] if kata.quick_answer is not None]
SHOWN = ("statement.md", "tests_sample.py")


def spellings(answer: Fraction) -> set[str]:
    """How the answer would be written: as a fraction, and to four places rounded or cut off."""
    written = {f"{math.floor(answer * 10**4) / 10**4:.4f}", f"{float(answer):.4f}"}
    written |= {text.rstrip("0") for text in written}
    if answer.denominator < 10**4:
        n, d = answer.numerator, answer.denominator
        written |= {f"{n}/{d}", f"Fraction({n}, {d})", rf"\frac{{{n}}}{{{d}}}"}
    return written


def test_spellings() -> None:
    assert spellings(Fraction(11, 216)) == {
        "0.0509", "11/216", "Fraction(11, 216)", r"\frac{11}{216}"
    }
    assert {"0.2936", "0.2937"} <= spellings(parse_answer("0.2936837573"))
    assert {"0.25", "1/4", "Fraction(1, 4)"} <= spellings(Fraction(1, 4))


@pytest.mark.parametrize("kata", QUICK_KATAS, ids=lambda kata: kata.id)
@pytest.mark.parametrize("name", SHOWN)
def test_quick_answer_is_not_shown(kata: Kata, name: str) -> None:
    assert kata.quick_answer is not None
    text = (kata.path / name).read_text(encoding="utf-8")
    shown = {s for s in spellings(parse_answer(kata.quick_answer.answer)) if s in text}
    assert not shown, f"{kata.id}/{name} gives the quick answer away: {sorted(shown)}"


@pytest.mark.parametrize("kata", QUICK_KATAS, ids=lambda kata: kata.id)
def test_hidden_tests_keep_the_puzzle(kata: Kata) -> None:
    assert kata.quick_answer is not None
    text = (kata.path / "tests_hidden.py").read_text(encoding="utf-8")
    assert "def test_notes_example(" in text
    assert any(s in text for s in spellings(parse_answer(kata.quick_answer.answer)))
