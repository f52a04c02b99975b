"""Refusals of hiring operations: each carries the HTTP status a route answers with.

They are attempt errors, so the app's one handler for those (server/errors.py) answers both.
"""

from __future__ import annotations

from server.attempts.attempts import AttemptError

__all__ = ["HiringError", "NotFound", "Unavailable"]


class HiringError(AttemptError):
    """A refused hiring request (400 unless a subclass says otherwise)."""


class NotFound(HiringError):
    """No such thing for this caller: another manager's set looks exactly like none."""

    status_code = 404


class Unavailable(HiringError):
    """The assessment is not open now (not yet, or no longer) for this invitation."""

    status_code = 409
