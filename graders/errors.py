"""What grading raises rather than reports: faults of the kata or host, never the candidate's."""

from __future__ import annotations

__all__ = ["GraderError", "KataError", "SandboxUnavailable"]


class GraderError(Exception):
    """Grading could not be done; the candidate's code is not at fault."""


class KataError(GraderError, ValueError):
    """A kata's files are missing or malformed, or its tests are broken; names file and key."""


class SandboxUnavailable(GraderError):
    """This host cannot isolate candidate code, so grading refuses (see `unsafe_no_sandbox`)."""
