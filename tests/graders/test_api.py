"""The public API is exactly what graders/__init__.py lists; graders never imports the server."""

from __future__ import annotations

import subprocess
import sys

import graders


def test_the_public_api_is_pinned() -> None:
    assert sorted(graders.__all__) == sorted(
        [
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
    )
    assert all(hasattr(graders, name) for name in graders.__all__)
    assert [str(v) for v in graders.Verdict] == [
        "passed",
        "failed",
        "error",
        "timeout",
        "memory",
        "rejected",
    ]
    assert graders.SCHEMA == 1 and graders.MAX_SOURCE_BYTES == 64 * 1024


def test_graders_does_not_import_the_server() -> None:
    code = (
        "import sys, graders, graders.commands, graders.selfcheck; print('server' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
