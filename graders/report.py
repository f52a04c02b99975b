"""The outcome of one grading: a verdict, per-test results and feedback, as versioned JSON."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["SCHEMA", "CandidateError", "Failure", "Report", "TestResult", "Verdict"]

SCHEMA = 1


class Verdict(StrEnum):
    """What became of a submission; only the harness's own report can make it `passed`."""

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    REJECTED = "rejected"


@dataclass(frozen=True)
class TestResult:
    """One test's outcome (passed, failed, error, timeout) and, for a property, its examples."""

    name: str
    outcome: str
    message: str = ""
    examples: int | None = None
    stopped_because: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "outcome": self.outcome,
            "message": self.message,
            "examples": self.examples,
        }


@dataclass(frozen=True)
class Failure:
    """A wrong answer: the (minimal) failing call, with what was expected and what came back.

    For a class kata `input` is the sequence of calls, one a line, the failing one last.
    """

    test: str
    input: str
    expected: str
    got: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "test": self.test,
            "input": self.input,
            "expected": self.expected,
            "got": self.got,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class CandidateError:
    """An exception in the candidate's code; the traceback holds only the candidate's frames."""

    type: str
    message: str
    traceback: str = ""
    line: int | None = None
    test: str = ""
    input: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "message": self.message,
            "traceback": self.traceback,
            "line": self.line,
            "test": self.test,
            "input": self.input,
        }


@dataclass(frozen=True)
class Report:
    """Everything a grading found; `to_json()` is the stable, versioned form."""

    kata: str
    verdict: Verdict
    message: str
    suite: str = "hidden"
    tests: tuple[TestResult, ...] = ()
    failure: Failure | None = None
    error: CandidateError | None = None
    stdout: str = ""
    stdout_truncated: bool = False
    duration_ms: int = 0
    sandboxed: bool = True

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.PASSED

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; `schema` changes only when a field changes meaning."""
        return {
            "schema": SCHEMA,
            "kata": self.kata,
            "verdict": str(self.verdict),
            "passed": self.passed,
            "suite": self.suite,
            "message": self.message,
            "tests": [test.to_json() for test in self.tests],
            "failure": self.failure.to_json() if self.failure else None,
            "error": self.error.to_json() if self.error else None,
            "stdout": self.stdout,
            "stdout_truncated": self.stdout_truncated,
            "duration_ms": self.duration_ms,
            "sandboxed": self.sandboxed,
        }
