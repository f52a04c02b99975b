"""graders.kit, what kata tests import: each comparison and check on real values."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from graders.kit import (
    CandidateRaised,
    Mismatch,
    check,
    check_raises,
    close,
    exact,
    exact_fraction,
    probability,
    same_items,
    same_lists_any_order,
)


def test_check_returns_what_an_acceptable_answer_got() -> None:
    assert check(sorted, ([3, 1, 2],), [1, 2, 3]) == [1, 2, 3]


def test_check_raises_a_mismatch_carrying_the_call() -> None:
    with pytest.raises(Mismatch) as raised:
        check(lambda xs, reverse: sorted(xs, reverse=reverse), ([1, 2],), [1, 2], reverse=True)
    mismatch = raised.value
    assert (mismatch.call_args, mismatch.call_kwargs) == (([1, 2],), {"reverse": True})
    assert (mismatch.expected, mismatch.got, mismatch.reason) == ([1, 2], [2, 1], "wrong answer")
    assert isinstance(mismatch, AssertionError)
    assert "for input ([1, 2], reverse=True)" in str(mismatch)


@pytest.mark.parametrize(
    ("got", "expected", "ok"),
    [(1, 1, True), (True, 1, False), (1.0, 1, False), ([1], (1,), False), ("a", "a", True)],
)
def test_exact_wants_the_same_type_and_value(got: Any, expected: Any, ok: bool) -> None:
    assert (exact(got, expected) is None) is ok


def test_same_items_ignores_order_and_names_what_is_wrong() -> None:
    assert same_items([3, 1], [1, 3]) is None
    assert same_items((3, 1), {1, 3}) is None
    assert same_items([1, 1, 3], [1, 3]) == "values repeated: [1]"
    assert same_items([1, 4], [1, 3]) == "missing [3]; unexpected [4]"
    assert same_items({1, 3}, [1, 3]) == "expected a list, got set"


def test_same_lists_any_order_counts_duplicates() -> None:
    assert same_lists_any_order([[2], [1, 0]], [[1, 0], [2]]) is None
    assert same_lists_any_order([[1], [1]], [[1]]) == "different lists"
    assert same_lists_any_order([[0, 1]], [[1, 0]]) == "different lists"
    assert same_lists_any_order([(1,)], [[1]]) == "expected a list of lists"


def test_close_accepts_within_either_tolerance_and_never_nan() -> None:
    near = close(rel=1e-6, abs=1e-3)
    assert near(1_000_000.5, 1_000_000) is None
    assert near(0.0005, 0) is None
    assert near(1.1, 1) == "not within rel 1e-06 or abs 0.001"
    assert near(float("nan"), float("nan")) is not None
    assert near(True, 1) == "expected a number, got bool"
    assert near(Fraction(1, 3), 1 / 3) is None


def test_exact_fraction_refuses_floats() -> None:
    assert exact_fraction(Fraction(1, 3), Fraction(1, 3)) is None
    assert exact_fraction(2, Fraction(2)) is None
    assert exact_fraction(1 / 3, Fraction(1, 3)) == "expected a Fraction, got float"
    assert exact_fraction(Fraction(1, 4), Fraction(1, 3)) == "wrong probability"
    assert exact_fraction(True, Fraction(1)) == "expected a Fraction, got bool"


def test_probability_is_an_absolute_tolerance() -> None:
    assert probability(1e-9)(0.5 + 1e-10, 0.5) is None
    assert probability(1e-9)(0.5 + 1e-8, 0.5) is not None


def _raises(kind: str) -> Any:
    def function(*args: Any) -> Any:
        raise CandidateRaised(kind, "bad input", line=3, call="f(1)")

    return function


def test_check_raises_wants_that_exception_by_name() -> None:
    check_raises(_raises("ValueError"), (1,), "ValueError")
    with pytest.raises(Mismatch, match="wrong exception") as wrong:
        check_raises(_raises("TypeError"), (1,), "ValueError")
    assert wrong.value.got == "raised TypeError: bad input"
    with pytest.raises(Mismatch, match="expected ValueError to be raised") as silent:
        check_raises(lambda x: x, (1,), "ValueError")
    assert silent.value.got == 1
