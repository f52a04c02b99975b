"""graders.answers: typed quick answers read and judged, with a message for every outcome."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graders import Kata, load_katas
from graders.answers import MAX_ANSWER_CHARS, AnswerCheck, check_answer, parse_answer

probabilities = st.fractions(min_value=0, max_value=1, max_denominator=10**6)


@pytest.mark.parametrize(
    "typed",
    ["11/216", " 11 / 216 ", "11/216\n", "22/432", "+11/216", "0.0509", ".0509", "5.09%", "5.09 %",
     "5.09e-2", "509E-4", "0.05093"],
)
def test_accepts_the_written_forms(typed: str) -> None:
    assert check_answer("11/216", typed, abs_tolerance=1e-4).correct


@pytest.mark.parametrize(
    ("typed", "value"),
    [("11/216", Fraction(11, 216)), ("22/432", Fraction(11, 216)), (".0509", Fraction(509, 10**4)),
     ("5.09%", Fraction(509, 10**4)), ("1e-2", Fraction(1, 100)), ("1.", Fraction(1)),
     ("0", Fraction(0)), ("-0", Fraction(0))],
)
def test_parsed_value(typed: str, value: Fraction) -> None:
    assert check_answer("1/2", typed).parsed == value


def test_exact_fraction_message() -> None:
    assert check_answer("11/216", "11/216") == AnswerCheck(
        True, "Correct: 11/216 ≈ 0.0509", Fraction(11, 216)
    )


def test_unreduced_fraction_is_correct_and_reduced_in_the_message() -> None:
    result = check_answer("11/216", "22/432")
    assert result.correct
    assert result.message == "Correct: 22/432 = 11/216 ≈ 0.0509"


def test_rounded_decimal_says_it_is_rounded() -> None:
    result = check_answer("11/216", "0.0509", abs_tolerance=1e-4)
    assert result.correct
    assert result.message == (
        "Correct: 0.0509 is the answer rounded to 4 decimal places, "
        "which is exactly 11/216 ≈ 0.0509259"
    )


def test_decimal_within_tolerance_but_not_a_rounding() -> None:
    # The notes give 0.2936 for the birthday puzzle: truncated, not rounded, yet close enough.
    result = check_answer("0.2936837573", "0.2936", abs_tolerance=1e-4)
    assert result.correct
    assert result.message == "Correct to within 0.0001: 0.2936; the answer is about 0.293684"


def test_exact_decimal_of_a_fraction() -> None:
    result = check_answer("1/4", "0.25", abs_tolerance=0)
    assert result == AnswerCheck(True, "Correct: 0.25 = 1/4", Fraction(1, 4))


def test_wrong_fraction_shows_its_value_and_which_way_to_go() -> None:
    result = check_answer("11/216", "1/6", abs_tolerance=1e-4)
    assert result == AnswerCheck(False, "Not quite: 1/6 is 0.1667, too large", Fraction(1, 6))


def test_wrong_short_decimal() -> None:
    assert check_answer("1/4", "0.3", abs_tolerance=1e-4).message == "Not quite: 0.3 is too large"
    assert check_answer("1/4", "0.2", abs_tolerance=1e-4).message == "Not quite: 0.2 is too small"


@given(typed=st.fractions(min_value=0, max_value=1, max_denominator=10_000))
def test_a_wrong_answer_never_gives_the_right_one_away(typed: Fraction) -> None:
    # A guess far from the answer must not be told it; a near miss may show its own value.
    for expected, rounded in (("11/216", "0.0509"), ("0.2936837573", "0.2937")):
        result = check_answer(expected, str(typed), abs_tolerance=1e-4)
        if not result.correct and abs(typed - Fraction(expected)) > Fraction(1, 1000):
            assert expected not in result.message and rounded not in result.message


def test_a_close_fraction_is_still_wrong() -> None:
    result = check_answer("11/216", "51/1000", abs_tolerance=1e-4)
    assert not result.correct
    assert result.message.startswith("Close: 51/1000 is 0.051, but a fraction must be exact")


def test_too_coarse_rounding_is_close_not_correct() -> None:
    result = check_answer("11/216", "0.05", abs_tolerance=1e-4)
    assert not result.correct
    assert result.message == (
        "Close: 0.05 is the answer rounded to 2 decimal places; "
        "give it to within 0.0001"
    )


def test_zero_tolerance_wants_the_fraction() -> None:
    result = check_answer("11/216", "0.0509", abs_tolerance=0)
    assert not result.correct
    assert result.message.endswith("this one wants the exact fraction")


def test_one_place_is_not_called_close() -> None:
    assert check_answer("11/216", "0.1").message.startswith("Not quite")


def test_tolerance_boundary_is_inclusive() -> None:
    assert check_answer("0.2937", "0.2936", abs_tolerance=1e-4).correct
    assert not check_answer("0.2937", "0.29359", abs_tolerance=1e-4).correct


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type an answer: write a fraction like 3/8 or a decimal like 0.375"),
        ("   ", "Type an answer: write a fraction like 3/8 or a decimal like 0.375"),
        ("1//6", "Could not read '1//6': write a fraction like 3/8 or a decimal like 0.375"),
        ("one in six", "Could not read 'one in six': write a fraction like 3/8 or a decimal "
         "like 0.375"),
        ("1/0", "'1/0' divides by zero: write a fraction like 3/8 or a decimal like 0.375"),
        ("nan", "'nan' is not a number: a probability is a number between 0 and 1"),
        ("-inf", "'-inf' is not a number: a probability is a number between 0 and 1"),
        ("-0.5", "-0.5 is below 0: a probability is between 0 and 1"),
        ("11/6", "11/6 ≈ 1.8333 is above 1: a probability is between 0 and 1"),
        ("150%", "150% = 1.5 is above 1: a probability is between 0 and 1"),
    ],
)
def test_unusable_input_messages(typed: str, message: str) -> None:
    result = check_answer("11/216", typed)
    assert not result.correct
    assert result.message == message


@pytest.mark.parametrize("typed", ["1/0", "", "x", "1e999999999", "0.5.5", "١/٢", "0x1", "1_0/2"])
def test_unreadable_input_has_no_value(typed: str) -> None:
    assert check_answer("1/2", typed).parsed is None


def test_over_long_input_is_refused_before_reading() -> None:
    typed = "0." + "0" * MAX_ANSWER_CHARS
    result = check_answer("0", typed)
    assert not result.correct
    assert result.parsed is None
    assert f"at most {MAX_ANSWER_CHARS} characters" in result.message


def test_longest_allowed_input_is_read() -> None:
    typed = "0." + "0" * (MAX_ANSWER_CHARS - 2)
    assert check_answer("0", typed).correct


def test_malformed_expected_answer_is_a_content_error() -> None:
    with pytest.raises(ValueError, match="malformed"):
        check_answer("about a half", "1/2")


def test_negative_tolerance_is_a_content_error() -> None:
    with pytest.raises(ValueError, match="abs_tolerance"):
        check_answer("1/2", "1/2", abs_tolerance=-1e-4)


def test_parse_answer() -> None:
    assert parse_answer(" 11 / 216 ") == Fraction(11, 216)
    assert parse_answer("0.2937") == Fraction(2937, 10**4)
    with pytest.raises(ValueError, match="divides by zero"):
        parse_answer("1/0")


@given(p=probabilities, scale=st.integers(1, 1000))
def test_any_equal_fraction_is_correct(p: Fraction, scale: int) -> None:
    typed = f"{p.numerator * scale}/{p.denominator * scale}"
    assert check_answer(str(p), typed, abs_tolerance=0).correct


@given(p=probabilities, q=probabilities)
def test_a_different_fraction_is_wrong(p: Fraction, q: Fraction) -> None:
    typed = f"{q.numerator}/{q.denominator}"
    assert check_answer(str(p), typed, abs_tolerance=1e-4).correct == (p == q)


@given(p=probabilities, places=st.integers(4, 8))
def test_rounding_to_enough_places_is_correct(p: Fraction, places: int) -> None:
    typed = f"{float(p):.{places}f}"
    result = check_answer(str(p), typed, abs_tolerance=1e-4)
    assert result.correct
    assert result.message.startswith(f"Correct: {typed}")


@given(p=probabilities)
def test_percent_reads_as_hundredths(p: Fraction) -> None:
    decimal = f"{float(p):.6f}"
    percent = f"{float(p) * 100:.4f}%"
    assert check_answer("1/2", percent).parsed == check_answer("1/2", decimal).parsed


@given(
    expected=probabilities,
    typed=st.text(max_size=MAX_ANSWER_CHARS + 8),
    millionths=st.integers(-300, 300),
)
def test_never_raises_and_correct_means_close(
    expected: Fraction, typed: str, millionths: int
) -> None:
    result = check_answer(str(expected), typed, abs_tolerance=1e-4)
    assert result.message
    if result.correct:
        assert result.parsed is not None
        assert abs(result.parsed - expected) <= Fraction(1, 10**4)
    # Random text is never right, so a decimal near the answer checks "correct means close".
    near = Fraction(round(expected * 10**6) + millionths, 10**6)
    judged = check_answer(str(expected), f"{float(near):.6f}", abs_tolerance=1e-4)
    assert judged.message and judged.parsed == near
    assert judged.correct == (0 <= near <= 1 and abs(near - expected) <= Fraction(1, 10**4))


@given(expected=probabilities, typed=st.from_regex(r"\A[ +\-0-9./eE%]{1,20}\Z"))
def test_number_like_text_never_raises(expected: Fraction, typed: str) -> None:
    result = check_answer(str(expected), typed, abs_tolerance=1e-4)
    assert result.message
    assert result.correct == (
        result.parsed is not None
        and 0 <= result.parsed <= 1
        and abs(result.parsed - expected) <= Fraction(1, 10**4)
        and ("/" not in typed or result.parsed == expected)
    )


KATAS_DIR = Path(__file__).parents[2] / "katas"
QUICK_KATAS = [kata for kata in load_katas(KATAS_DIR)[0] if kata.quick_answer is not None]


def test_the_probability_katas_have_quick_answers() -> None:
    assert {"p_consecutive", "p_pattern_first", "p_all_distinct"} <= {k.id for k in QUICK_KATAS}


@pytest.mark.parametrize("kata", QUICK_KATAS, ids=lambda kata: kata.id)
def test_kata_quick_answer_accepts_itself_and_its_rounding(kata: Kata) -> None:
    quick = kata.quick_answer
    assert quick is not None
    answer = parse_answer(quick.answer)
    assert 0 <= answer <= 1
    assert check_answer(quick.answer, quick.answer, abs_tolerance=quick.abs_tolerance).correct
    rounded = f"{float(answer):.4f}"
    assert check_answer(quick.answer, rounded, abs_tolerance=quick.abs_tolerance).correct
