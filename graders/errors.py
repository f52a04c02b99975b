"""What grading raises rather than reports: faults of the kata or host, never the candidate's.

A GraderError's text is what the person who submitted may read. What went wrong inside
(host paths, the harness's output, a kata's traceback) is its `detail`, for the log and for
the people who run the host or write the katas (`katabank grade`, `katabank katas check`);
the engine logs it on the "graders" logger where it happens.
"""

from __future__ import annotations

__all__ = ["NOT_GRADED", "GraderError", "KataError", "SandboxUnavailable"]

NOT_GRADED = "Your submission could not be graded, through no fault of your code."


class GraderError(Exception):
    """Grading could not be done; the candidate's code is not at fault."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail or message


class KataError(GraderError, ValueError):
    """A kata's files are missing or malformed, or its tests are broken; names file and key."""


class SandboxUnavailable(GraderError):
    """This host cannot isolate candidate code, so grading refuses (see `unsafe_no_sandbox`)."""
