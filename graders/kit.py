"""What kata tests import: checks that compare a candidate's answer to the expected one.

Kata tests run in the harness sandbox. They receive the candidate's function as the
`solution` fixture: calling it sends plain data to the candidate's own sandboxed process
and returns a freshly decoded copy of the result, so nothing the candidate returns can
run code here. A candidate exception comes back as `CandidateRaised`.

A failed check raises `Mismatch`, an AssertionError that carries the call's arguments,
the expected value and the value received, so the report can show the (minimal, when
Hypothesis shrank it) failing input with expected and got.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any

__all__ = [
    "CandidateRaised",
    "Comparison",
    "Mismatch",
    "check",
    "check_raises",
    "close",
    "exact",
    "exact_fraction",
    "probability",
    "same_items",
    "same_lists_any_order",
]

Comparison = Callable[[Any, Any], str | None]
"""A comparison returns None when `got` is acceptable, else a short reason."""


class CandidateRaised(Exception):
    """The candidate's function raised; carries the exception's type name and message."""

    def __init__(
        self,
        type_name: str,
        message: str,
        traceback: str = "",
        *,
        line: int | None = None,
        call: str = "",
    ) -> None:
        super().__init__(f"{type_name}: {message}")
        self.type_name = type_name
        self.message = message
        self.traceback = traceback
        self.line = line
        self.call = call


class Mismatch(AssertionError):
    """The candidate answered, but wrongly."""

    def __init__(
        self, args: tuple[Any, ...], kwargs: Mapping[str, Any], expected: Any, got: Any, reason: str
    ) -> None:
        call = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
        super().__init__(f"for input ({call}): {reason}; expected {expected!r}, got {got!r}")
        self.call_args = args
        self.call_kwargs = dict(kwargs)
        self.expected = expected
        self.got = got
        self.reason = reason


def check(
    solution: Callable[..., Any],
    args: tuple[Any, ...],
    expected: Any,
    compare: Comparison | None = None,
    **kwargs: Any,
) -> Any:
    """Call the candidate with `args`; raise `Mismatch` unless `compare` accepts the result."""
    got = solution(*args, **kwargs)
    reason = (compare or exact)(got, expected)
    if reason is not None:
        raise Mismatch(args, kwargs, expected, got, reason)
    return got


def check_raises(
    solution: Callable[..., Any], args: tuple[Any, ...], exception: str, **kwargs: Any
) -> None:
    """The candidate must raise `exception` (a type name such as "ValueError") for `args`."""
    expected = f"raises {exception}"
    try:
        got = solution(*args, **kwargs)
    except CandidateRaised as raised:
        if raised.type_name != exception:
            raise Mismatch(args, kwargs, expected, f"raised {raised}", "wrong exception") from None
        return
    raise Mismatch(args, kwargs, expected, got, f"expected {exception} to be raised")


def exact(got: Any, expected: Any) -> str | None:
    """Equal value and equal type (so True is not accepted for 1, nor 1.0 for 1)."""
    if type(got) is not type(expected) or got != expected:
        return "wrong answer"
    return None


def same_items(got: Any, expected: Iterable[Any]) -> str | None:
    """A list holding each expected value exactly once, in any order."""
    if not isinstance(got, list | tuple):
        return f"expected a list, got {type(got).__name__}"
    counts = Counter(got)
    repeated = sorted((value for value, n in counts.items() if n > 1), key=repr)
    if repeated:
        return f"values repeated: {repeated!r}"
    wanted = set(expected)
    missing = sorted(wanted - counts.keys(), key=repr)
    extra = sorted(counts.keys() - wanted, key=repr)
    if missing or extra:
        parts = [
            f"missing {missing!r}" if missing else "",
            f"unexpected {extra!r}" if extra else "",
        ]
        return "; ".join(part for part in parts if part)
    return None


def same_lists_any_order(got: Any, expected: Iterable[list[Any]]) -> str | None:
    """Lists of lists where each inner list is exact and the outer order is free."""
    if not isinstance(got, list) or not all(isinstance(item, list) for item in got):
        return "expected a list of lists"
    # Compare as multisets of tuples: order-free, but duplicates still count.
    if Counter(map(tuple, got)) != Counter(map(tuple, expected)):
        return "different lists"
    return None


def close(rel: float = 1e-9, abs: float = 1e-9) -> Comparison:
    """A real number within `rel` or `abs` of the expected one; NaN is never close."""

    def compare(got: Any, expected: Any) -> str | None:
        if isinstance(got, bool) or not isinstance(got, int | float | Fraction):
            return f"expected a number, got {type(got).__name__}"
        if not math.isclose(float(got), float(expected), rel_tol=rel, abs_tol=abs):
            return f"not within rel {rel:g} or abs {abs:g}"
        return None

    return compare


def exact_fraction(got: Any, expected: Fraction) -> str | None:
    """An exact `Fraction` (an int is accepted for whole numbers): floats lose the point."""
    if isinstance(got, bool) or not isinstance(got, Fraction | int):
        return f"expected a Fraction, got {type(got).__name__}"
    return None if Fraction(got) == expected else "wrong probability"


def probability(abs: float = 1e-9) -> Comparison:
    """A float (or exact Fraction) within `abs` of the expected probability."""
    return close(rel=0.0, abs=abs)
