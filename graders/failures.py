"""What a kata's check raises: the candidate answered wrongly, or the candidate raised.

Apart from `graders.kit` (which re-exports both) so that the SQL katas' query runner, which
the candidate's sandbox preloads, can raise a Mismatch without loading Hypothesis there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["CandidateRaised", "Mismatch"]


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
        self,
        args: tuple[Any, ...],
        kwargs: Mapping[str, Any],
        expected: Any,
        got: Any,
        reason: str,
        *,
        shown: Mapping[str, str] | None = None,
        calls: Sequence[str] = (),
    ) -> None:
        call = "; ".join(calls) or ", ".join(
            [*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())]
        )
        super().__init__(f"for input ({call}): {reason}; expected {expected!r}, got {got!r}")
        self.call_args = args
        self.call_kwargs = dict(kwargs)
        self.expected = expected
        self.got = got
        self.reason = reason
        # Text the report shows instead of reprs ("input", "expected", "got"), e.g. SQL tables.
        self.shown = dict(shown or {})
        # For a stateful check: every call so far, the failing one last, as reports show them.
        self.calls = tuple(calls)
