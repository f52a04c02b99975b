"""Quick answers: a number typed for a probability puzzle, checked against the kata's answer.

The rule, decided in exact rational arithmetic so that no float rounding can tip a verdict:

- The kata's answer is exact when kata.toml writes it as a fraction (`11/216`) or a whole
  number (`0`, `1`); written as a decimal (`0.2936837573`) it is itself a rounding.
- A typed fraction (`11/216`, `22/432`) is exact: against an exact answer it must be equal,
  however close it comes (`9999/10000` is not `1`). Against a decimal answer there is no exact
  value to match, so it is judged like a decimal.
- A typed decimal (`0.0509`, `.0509`, `5.09%`, `5.09e-2`, or a whole number) is a rounding: it
  counts when it is within the kata's `abs_tolerance` of the answer, the bound included (for
  an answer of 0.2937, a tolerance of 1e-4 accepts 0.2936: "within" reads as at most).

Unreadable or impossible input is not an error: it comes back as an `AnswerCheck` whose
message says what to type instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

__all__ = ["MAX_ANSWER_CHARS", "AnswerCheck", "check_answer", "parse_answer"]

MAX_ANSWER_CHARS = 64
_MAX_EXPONENT = 50  # 1e-50 is already absurd for a typed probability; 1e999999 would hang
_HINT = "write a fraction like 3/8 or a decimal like 0.375"
# re.ASCII: `\d` must not match other scripts' digits, which int() would quietly accept.
_FRACTION = re.compile(r"([+-]?\d+)\s*/\s*(\d+)", re.ASCII)
_DECIMAL = re.compile(r"([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*(%?)", re.ASCII)
_NOT_A_NUMBER = {"nan", "inf", "infinity", "∞"}


@dataclass(frozen=True)
class AnswerCheck:
    """The verdict on one typed answer: right or not, a message for the candidate, the value."""

    correct: bool
    message: str
    parsed: Fraction | None  # the value read from the input; None when it could not be read


@dataclass(frozen=True)
class _Reading:
    value: Fraction
    shown: str  # the input, whitespace removed
    exact: bool  # typed as a fraction, not as a (rounded) decimal
    places: int  # decimal places typed, counting the exponent and %; 0 for a fraction


def parse_answer(text: str) -> Fraction:
    """Read a fraction or decimal as written in kata.toml; ValueError says what is wrong."""
    reading = _read(text)
    if isinstance(reading, str):
        raise ValueError(reading)
    return reading.value


def check_answer(expected: str, typed: str, *, abs_tolerance: float = 1e-4) -> AnswerCheck:
    """Check `typed` against `expected` (a kata's answer); never raises for any `typed`.

    A fraction must equal an exact answer; a decimal (or a fraction against a decimal answer)
    must be within `abs_tolerance` of it, inclusive (see the module's docstring). Raises
    ValueError only for a malformed `expected` or tolerance: content errors.
    """
    answer = _read(expected)
    if isinstance(answer, str):
        raise ValueError(f"the expected answer {expected!r} is malformed: {answer}")
    if answer.places == 0:  # a whole number such as 0 or 1 is exact, not a rounding
        answer = replace(answer, exact=True)
    if not abs_tolerance >= 0:  # also rejects NaN
        raise ValueError(f"abs_tolerance must be a number >= 0, not {abs_tolerance!r}")
    # Through repr, 1e-4 becomes exactly 1/10000, so "0.2936" against "0.2937" is inside it.
    tolerance = Fraction(repr(float(abs_tolerance)))
    reading = _read(typed)
    if isinstance(reading, str):
        return AnswerCheck(False, reading, None)
    value = reading.value
    if not 0 <= value <= 1:
        side = "below 0" if value < 0 else "above 1"
        relation, shown = _approx(value)
        told = reading.shown if shown == reading.shown else f"{reading.shown} {relation} {shown}"
        message = f"{told} is {side}: a probability is between 0 and 1"
        return AnswerCheck(False, message, value)
    if reading.exact and answer.exact:
        return AnswerCheck(*_exact_verdict(reading, answer.value, tolerance), value)
    error = abs(value - answer.value)
    if error == 0:
        return AnswerCheck(True, f"Correct: {_equals(reading, answer)}", value)
    if error <= tolerance:
        return AnswerCheck(True, _rounded_message(reading, answer, tolerance), value)
    if _is_rounding(reading, error):
        rounded = f"Close: {reading.shown} is the answer rounded to {_places(reading.places)}"
        if tolerance:
            message = f"{rounded}; give it to within {float(tolerance):g}"
        elif answer.exact:
            message = f"{rounded}; this one wants the exact fraction"
        else:
            message = f"{rounded}; this one wants all of its digits"
        return AnswerCheck(False, message, value)
    shown = _approx(value)[1]
    told = f"{shown} is" if shown == reading.shown else f"{reading.shown} is {shown},"
    return AnswerCheck(False, f"Not quite: {told} {_direction(value, answer.value)}", value)


def _exact_verdict(
    reading: _Reading, answer: Fraction, tolerance: Fraction
) -> tuple[bool, str]:
    """A typed fraction against an exact answer: equal, or wrong however close."""
    relation, shown = _approx(reading.value)
    if reading.value == answer:
        reduced = str(answer)
        told = reading.shown if reading.shown == reduced else f"{reading.shown} = {reduced}"
        return True, f"Correct: {told}" + ("" if shown == reduced else f" {relation} {shown}")
    if abs(reading.value - answer) <= tolerance:
        return False, f"Close: {reading.shown} is {shown}, but a fraction must be exact"
    return False, f"Not quite: {reading.shown} is {shown}, {_direction(reading.value, answer)}"


def _direction(value: Fraction, answer: Fraction) -> str:
    """Which way to go: a wrong answer must not give the right one away, so retrying is worth it."""
    return "too large" if value > answer else "too small"


def _equals(reading: _Reading, answer: _Reading) -> str:
    """'0.25 = 1/4' for a decimal equal to an exact answer; otherwise the typed text alone."""
    if answer.exact and not reading.exact and answer.value.denominator != 1:
        return f"{reading.shown} = {answer.value}"
    return reading.shown


def _rounded_message(reading: _Reading, answer: _Reading, tolerance: Fraction) -> str:
    precise = _precise(answer.value)
    if not answer.exact:
        exactly = f"about {precise}"
    elif precise == str(answer.value):
        exactly = f"exactly {precise}"
    else:
        exactly = f"exactly {answer.value} ≈ {precise}"
    # Within half a unit of its last place: a tie may be rounded either way, not only to even.
    half_unit = Fraction(1, 2 * 10**reading.places)
    if not reading.exact and abs(answer.value - reading.value) <= half_unit:
        rounded = f"the answer rounded to {_places(reading.places)}"
        return f"Correct: {reading.shown} is {rounded}, which is {exactly}"
    return f"Correct to within {float(tolerance):g}: {reading.shown}; the answer is {exactly}"


def _is_rounding(reading: _Reading, error: Fraction) -> bool:
    """A decimal of two or more places that is the answer correctly rounded, just too coarse.

    One place or none is too coarse to call close: 0.1, or even 0, "rounds" 0.0509.
    """
    if reading.exact or reading.places < 2 or reading.value == 0:
        return False
    return error <= Fraction(1, 2 * 10**reading.places)


def _read(text: str) -> _Reading | str:
    """The value of a typed answer, or a message saying why it cannot be read."""
    stripped = text.strip()
    if not stripped:
        return f"Type an answer: {_HINT}"
    if len(stripped) > MAX_ANSWER_CHARS:
        return (
            f"That answer is {len(stripped)} characters long; {_HINT} "
            f"(at most {MAX_ANSWER_CHARS} characters)"
        )
    if stripped.lower().lstrip("+-") in _NOT_A_NUMBER:
        return f"'{stripped}' is not a number: a probability is a number between 0 and 1"
    if fraction := _FRACTION.fullmatch(stripped):
        numerator, denominator = int(fraction[1]), int(fraction[2])
        if denominator == 0:
            return f"'{stripped}' divides by zero: {_HINT}"
        return _Reading(Fraction(numerator, denominator), f"{numerator}/{denominator}", True, 0)
    decimal = _DECIMAL.fullmatch(stripped)
    if decimal is None or not (decimal[2] or decimal[3]):
        return f"Could not read '{stripped}': {_HINT}"
    sign, whole, fraction_digits, exponent_text, percent = decimal.groups()
    fraction_digits = fraction_digits or ""
    exponent = int(exponent_text or 0)
    if abs(exponent) > _MAX_EXPONENT:
        return f"Could not read '{stripped}': its exponent is out of range; {_HINT}"
    if percent:
        exponent -= 2
    places = max(0, len(fraction_digits) - exponent)
    value = Fraction(int(whole + fraction_digits or "0"), 10 ** len(fraction_digits))
    value *= Fraction(10) ** exponent
    return _Reading(-value if sign == "-" else value, re.sub(r"\s+", "", stripped), False, places)


def _approx(value: Fraction) -> tuple[str, str]:
    """('=', '0.25') when four places show the value exactly, else ('≈', '0.0509')."""
    if abs(value) < 10**6 and (value * 10**4).denominator == 1:
        return "=", _plain(value)
    if not Fraction(1, 1000) <= abs(value) < 1000:
        return "≈", f"{float(value):.3g}"
    return "≈", f"{float(value):.4f}"


def _precise(value: Fraction) -> str:
    """More digits than the messages' usual four, to show how a rounding compares."""
    return f"{float(value):.6g}"


def _plain(value: Fraction) -> str:
    """A short terminating decimal without trailing zeros or an exponent: 1/4 -> '0.25'."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _places(places: int) -> str:
    return "a whole number" if places == 0 else f"{places} decimal place" + "s" * (places != 1)
