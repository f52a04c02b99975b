"""graders.judge on its own: the verdict from what the two workers' keepers reported.

Each Run here is what a real grading's keepers would send: harness events packed as
`graders.messages` frames, and each worker's exit as an ExitInfo.
"""

from __future__ import annotations

import logging
import os
import signal
from typing import Any

import pytest

from graders.errors import NOT_GRADED, GraderError, KataError
from graders.judge import Run, judge
from graders.messages import Event, ExitInfo, pack
from graders.report import Verdict
from graders.spec import Limits

LIMITS = Limits(wall_seconds=10, cpu_seconds=5, memory_mb=256, output_kb=64)
TEST = "tests_sample.py::test_example"


def _exit(
    *events: tuple[Event, Any], status: int = 0, killed: bool = False, **more: Any
) -> ExitInfo:
    info: ExitInfo = {
        "status": status,
        "killed": killed,
        "cpu": 0.05,
        "maxrss_kb": 30_000,
        "output": b"",
        "output_bytes": 0,
        "output_exceeded": False,
        "reports": [pack(kind, body) for kind, body in events],
    }
    info.update(more)  # type: ignore[typeddict-item]
    return info


def _result(outcome: str = "passed", name: str = TEST, **more: Any) -> tuple[Event, Any]:
    return Event.RESULT, {"name": name, "outcome": outcome, "message": "", **more}


def _judge(harness: ExitInfo | None, candidate: ExitInfo | None = None, **run: Any) -> Any:
    return judge(Run(harness, candidate or _exit(), **run), kata="k", suite="sample", limits=LIMITS)


def _done(exit: int = 0, collected: int = 1) -> tuple[Event, Any]:
    return Event.DONE, {"exit": exit, "collected": collected, "times": {}}


def test_only_a_finished_harness_with_passing_tests_passes() -> None:
    report = _judge(_exit((Event.START, TEST), _result(examples=100), _done()))
    assert report.verdict is Verdict.PASSED and report.message == "All 1 tests passed."
    assert report.tests[0].examples == 100


@pytest.mark.parametrize(
    ("done", "why"),
    [
        (_done(collected=2), "1 of 2 tests"),  # a test that never reported
        (_done(exit=1), "exit status 1"),  # pytest saw a failure no result told of
        ((Event.DONE, {"exit": 0, "times": {}}), "1 of None tests"),  # a harness of old
    ],
)
def test_a_pass_needs_every_collected_test_passing_and_pytest_agreeing(
    done: tuple[Event, Any], why: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Passing results alone are not enough: a harness that stopped early, or whose pytest
    says something failed, could otherwise pass a submission on the tests that did run."""
    with pytest.raises(GraderError) as raised, caplog.at_level(logging.ERROR):
        _judge(_exit((Event.START, TEST), _result(), done))
    assert raised.value.args[0] == NOT_GRADED  # the candidate sees no harness detail
    assert why in raised.value.detail and why in caplog.text


def test_a_wrong_answer_fails_with_input_expected_and_got() -> None:
    failure = {"test": TEST, "input": "f([1])", "expected": "[1]", "got": "[]", "reason": "oops"}
    report = _judge(
        _exit(_result("failed", failure=failure), (Event.DONE, {"exit": 1, "times": {}}))
    )
    assert report.verdict is Verdict.FAILED
    assert report.message == "test_example failed for f([1]): oops (expected [1], got [])"
    assert report.failure is not None and report.failure.got == "[]"


@pytest.mark.parametrize(
    ("kind", "verdict"), [("ValueError", Verdict.ERROR), ("MemoryError", Verdict.MEMORY)]
)
def test_an_exception_in_the_candidate_is_an_error_or_memory(kind: str, verdict: Verdict) -> None:
    error = {
        "type": kind,
        "message": "m",
        "traceback": "tb",
        "line": 4,
        "test": TEST,
        "input": "f(1)",
    }
    report = _judge(_exit(_result("error", error=error), (Event.DONE, {"exit": 1, "times": {}})))
    assert report.verdict is verdict
    assert report.error is not None and (report.error.line, report.error.input) == (4, "f(1)")


def test_a_load_error_names_its_line() -> None:
    problem = {"type": "SyntaxError", "message": "invalid syntax", "traceback": "", "line": 3}
    report = _judge(_exit((Event.LOAD_ERROR, problem)))
    assert report.verdict is Verdict.ERROR
    assert report.message == "Your code could not be loaded (line 3): SyntaxError: invalid syntax"


def test_the_wall_clock_marks_the_running_test_as_timed_out() -> None:
    report = _judge(_exit((Event.START, TEST)), wall_timeout=True)
    assert report.verdict is Verdict.TIMEOUT
    assert (
        report.message == "Time limit exceeded: your code ran longer than 10 s (in test_example)."
    )
    assert [test.outcome for test in report.tests] == ["timeout"]


def test_a_sigkill_we_did_not_send_is_the_cpu_limit() -> None:
    killed_by_kernel = _exit(status=signal.SIGKILL)  # a wait status: terminated by signal 9
    assert os.WIFSIGNALED(killed_by_kernel["status"])
    harness = _exit((Event.START, TEST), (Event.GONE, {"test": TEST, "input": "f()"}))
    report = _judge(harness, killed_by_kernel)
    assert report.verdict is Verdict.TIMEOUT and "5 s of CPU time" in report.message
    killed_by_us = _exit(status=signal.SIGKILL, killed=True)
    assert _judge(harness, killed_by_us).verdict is Verdict.ERROR


def test_a_crash_says_which_signal_and_call() -> None:
    harness = _exit((Event.GONE, {"test": TEST, "input": "f(2)"}))
    report = _judge(harness, _exit(status=signal.SIGSEGV))
    assert report.verdict is Verdict.ERROR
    assert report.message == "Your code's process crashed (SIGSEGV) while running f(2)."


def test_printing_past_the_limit_is_an_error_and_output_is_kept() -> None:
    candidate = _exit(output_exceeded=True, output=b"x" * 10, output_bytes=99)
    report = _judge(_exit((Event.START, TEST)), candidate)
    assert report.verdict is Verdict.ERROR and "more than 64 KiB" in report.message
    assert report.stdout == "x" * 10 and report.stdout_truncated


def test_a_candidate_speaking_out_of_turn_is_an_error() -> None:
    report = _judge(_exit((Event.PROTOCOL_ERROR, {"test": TEST, "input": "", "detail": "x"})))
    assert report.verdict is Verdict.ERROR and "something other than an answer" in report.message


def test_faults_of_the_kata_or_harness_raise_with_the_detail_in_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken = _exit((Event.BROKEN, {"test": TEST, "message": "/tmp/kata/tests_sample.py:1: boom"}))
    with caplog.at_level(logging.ERROR, logger="graders"), pytest.raises(KataError) as raised:
        _judge(broken)
    assert str(raised.value) == NOT_GRADED and "/tmp/kata" in raised.value.detail
    assert "/tmp/kata/tests_sample.py:1: boom" in caplog.text
    with pytest.raises(GraderError, match=r"^Your submission could not be graded") as stopped:
        _judge(_exit((Event.START, TEST), output=b"Traceback: harness internals"))
    assert "harness internals" in stopped.value.detail
    with pytest.raises(GraderError) as garbled:
        _judge({**_exit(), "reports": [b"not json"]})
    assert "malformed report" in garbled.value.detail
    with pytest.raises(GraderError):
        _judge(None)
