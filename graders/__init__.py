"""The grading engine: one small API for the CLI, the web app and queue workers.

`grade(kata, source)` runs the candidate's code in its own sandbox, and the kata's tests in
another, and returns a `Report`; it never imports the server.
"""

from __future__ import annotations

from typing import Any

from graders.errors import GraderError, KataError, SandboxUnavailable
from graders.grading import MAX_SOURCE_BYTES, grade
from graders.report import SCHEMA, CandidateError, Failure, Report, TestResult, Verdict
from graders.spec import Kata, Limits, QuickAnswer, load_kata, load_katas

__all__ = [
    "MAX_SOURCE_BYTES",
    "SCHEMA",
    "AnswerCheck",
    "CandidateError",
    "Failure",
    "GraderError",
    "Kata",
    "KataError",
    "Limits",
    "QuickAnswer",
    "Report",
    "SandboxUnavailable",
    "TestResult",
    "Verdict",
    "check_answer",
    "grade",
    "load_kata",
    "load_katas",
]


def __getattr__(name: str) -> Any:
    # Typed answers live in graders/answers.py; imported on first use, not by every worker.
    if name in ("check_answer", "AnswerCheck"):
        from graders import answers

        return getattr(answers, name)
    raise AttributeError(f"module 'graders' has no attribute {name!r}")
