"""The grading engine: one small API for the CLI, the web app and queue workers.

`grade(kata, source)` runs the candidate's code in its own sandbox, and the kata's tests in
another, and returns a `Report`; it never imports the server.
"""

from __future__ import annotations

from graders.answers import AnswerCheck, check_answer
from graders.errors import NOT_GRADED, GraderError, KataError, SandboxUnavailable
from graders.grading import MAX_SOURCE_BYTES, grade, warm_up
from graders.report import SCHEMA, CandidateError, Failure, Report, TestResult, Verdict
from graders.spec import Kata, Limits, QuickAnswer, load_kata, load_katas

__all__ = [
    "MAX_SOURCE_BYTES",
    "NOT_GRADED",
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
    "warm_up",
]
