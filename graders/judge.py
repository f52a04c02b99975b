"""The verdict: from the harness's test reports and how each worker ended, decided here.

Only the harness's own report can make a submission pass; the candidate's exit status,
output and signals can only explain why it did not (timeout, memory, a crash).
"""

from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass, field
from typing import Any

from graders.codec import ProtocolError
from graders.errors import NOT_GRADED, GraderError, KataError
from graders.messages import Event, ExitInfo, unpack
from graders.report import CandidateError, Failure, Report, TestResult, Verdict
from graders.spec import Limits

__all__ = ["Run", "judge"]

log = logging.getLogger("graders")


@dataclass
class Run:
    """What the supervisor collected from one grading's two workers."""

    harness: ExitInfo | None
    candidate: ExitInfo | None
    wall_timeout: bool = False


@dataclass
class _Facts:
    tests: dict[str, TestResult]
    running: str = ""
    done: bool = False
    # From the harness's DONE: pytest's exit code and how many tests it collected.
    exit: Any = None
    collected: Any = None
    load_error: dict[str, Any] | None = None
    gone: dict[str, Any] | None = None
    protocol: dict[str, Any] | None = None
    broken: list[str] = field(default_factory=list)
    failures: dict[str, Failure] = field(default_factory=dict)
    errors: dict[str, CandidateError] = field(default_factory=dict)


def judge(run: Run, *, kata: str, suite: str, limits: Limits) -> Report:
    """The report for one grading; raises KataError when the kata's tests are what broke.

    What a GraderError says is fit for the candidate; its detail goes to the log.
    """
    facts = _read_events(run.harness)
    if facts.broken:
        raise _fault(KataError, f"{kata}: the kata's tests are broken:\n" + "\n".join(facts.broken))
    candidate: dict[str, Any] = dict(run.candidate or {})
    cpu_out = _cpu_exceeded(candidate)
    verdict, message, failure, error = Verdict.PASSED, "", None, None
    if facts.load_error is not None:
        error = _error(facts.load_error, test="", call="")
        verdict = Verdict.MEMORY if error.type == "MemoryError" else Verdict.ERROR
        where = f" (line {error.line})" if error.line else ""
        message = f"Your code could not be loaded{where}: {error.type}: {error.message}"
    elif run.wall_timeout or cpu_out:
        verdict = Verdict.TIMEOUT
        limit = f"{limits.cpu_seconds:g} s of CPU time" if cpu_out else f"{limits.wall_seconds:g} s"
        message = f"Time limit exceeded: your code ran longer than {limit}{_during(facts)}."
        _mark_running(facts, "timeout", message)
    elif candidate.get("output_exceeded"):
        verdict = Verdict.ERROR
        message = f"Output limit exceeded: your code printed more than {limits.output_kb} KiB."
        _mark_running(facts, "error", message)
    elif facts.gone is not None:
        verdict, message = Verdict.ERROR, _ended(candidate, facts.gone)
        error = CandidateError(
            "ProcessExit",
            message,
            test=facts.gone.get("test", ""),
            input=facts.gone.get("input", ""),
        )
        _mark_running(facts, "error", message)
    elif facts.protocol is not None:
        verdict = Verdict.ERROR
        message = "Your code's process sent something other than an answer to the tests."
        _mark_running(facts, "error", message)
    elif not facts.done:
        detail = f"{kata}: the test harness stopped unexpectedly:\n{_tail(run.harness)}"
        raise _fault(GraderError, detail)
    else:
        verdict, message, failure, error = _from_tests(facts, limits.memory_mb)
        if verdict is Verdict.PASSED and (facts.exit != 0 or facts.collected != len(facts.tests)):
            # A pass is every collected test reported passing and pytest agreeing, never less.
            detail = (
                f"{kata}: the test harness reported {len(facts.tests)} of {facts.collected!r}"
                f" tests, all passing, and exit status {facts.exit!r}:\n{_tail(run.harness)}"
            )
            raise _fault(GraderError, detail)
    output = candidate.get("output", b"")
    return Report(
        kata=kata,
        verdict=verdict,
        message=message,
        suite=suite,
        tests=tuple(facts.tests.values()),
        failure=failure,
        error=error,
        stdout=output.decode("utf-8", "replace") if isinstance(output, bytes) else "",
        stdout_truncated=int(candidate.get("output_bytes", 0)) > len(output),
    )


def _from_tests(
    facts: _Facts, memory_mb: int
) -> tuple[Verdict, str, Failure | None, CandidateError | None]:
    if not facts.tests:
        raise _fault(KataError, "no tests ran")
    for name, test in facts.tests.items():
        if test.outcome == "failed":
            failure = facts.failures.get(name)
            if failure is None:
                return Verdict.FAILED, f"{_short(name)} failed: {test.message}", None, None
            message = (
                f"{_short(name)} failed for {_last_call(failure.input)}: {failure.reason} "
                f"(expected {failure.expected}, got {failure.got})"
            )
            if "\n" in failure.expected + failure.got:
                # Tables (SQL katas) do not read on one line: the report shows them apart.
                # (A class kata's calls, one a line, are input only: the message names the last.)
                message = f"{_short(name)} failed: {failure.reason} (input, expected and got below)"
            return Verdict.FAILED, message, failure, None
        if test.outcome == "error":
            error = facts.errors[name]
            if error.type == "MemoryError":
                message = f"Memory limit exceeded ({memory_mb} MiB) in {_short(name)}."
                return Verdict.MEMORY, message, None, error
            where = f" for {_last_call(error.input)}" if error.input else ""
            message = f"Your code raised {error.type}: {error.message} in {_short(name)}{where}"
            return Verdict.ERROR, message, None, error
    count = sum(test.outcome == "passed" for test in facts.tests.values())
    return Verdict.PASSED, f"All {count} tests passed.", None, None


def _last_call(calls: str) -> str:
    """A class kata's input is a sequence of calls, one a line: the message names the last."""
    *earlier, last = calls.splitlines() or [""]
    return f"{last} (the last of a sequence of calls)" if earlier else calls


def _fault(kind: type[GraderError], detail: str) -> GraderError:
    """The error to raise for a fault that is not the candidate's; its detail is logged."""
    log.error("grading failed: %s", detail)
    return kind(NOT_GRADED, detail=detail)


def _read_events(harness: ExitInfo | None) -> _Facts:
    facts = _Facts(tests={})
    for frame in harness["reports"] if harness else []:
        try:
            kind, (body,) = unpack(frame, Event)
            _take_event(facts, kind, body)
        except (ProtocolError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _fault(GraderError, f"the test harness sent a malformed report: {exc!r}") from exc
    return facts


def _take_event(facts: _Facts, kind: Event, body: Any) -> None:
    if kind is Event.START:
        facts.running = str(body)
    elif kind is Event.RESULT:
        _take_result(facts, body)
    elif kind is Event.DONE:
        facts.done = True
        facts.exit, facts.collected = body.get("exit"), body.get("collected")
    elif kind is Event.LOAD_ERROR:
        # The candidate's own words, passed on: only its text fields are ever read.
        facts.load_error = body if isinstance(body, dict) else {}
    elif kind is Event.GONE:
        facts.gone = dict(body)
    elif kind is Event.PROTOCOL_ERROR:
        facts.protocol = dict(body)
    elif kind is Event.BROKEN:
        facts.broken.append(f"{body['test']}:\n{body['message']}")


def _take_result(facts: _Facts, body: dict[str, Any]) -> None:
    """Record one test's outcome. A test may report more than once (pytest reports each of a
    unittest test's failing subtests, then the test itself as passed): the first outcome that
    is not a pass stands, so a later pass never hides a failure."""
    name = body["name"]
    earlier = facts.tests.get(name)
    if earlier is not None and earlier.outcome != "passed":
        return
    facts.tests[name] = TestResult(
        name=name,
        outcome=body["outcome"],
        message=body.get("message", ""),
        examples=body.get("examples"),
        stopped_because=body.get("stopped_because", ""),
    )
    if facts.running == name:
        facts.running = ""
    if body.get("failure"):
        facts.failures[name] = Failure(**body["failure"])
    if body.get("error"):
        info = body["error"]
        facts.errors[name] = _error(info, test=info.get("test", ""), call=info.get("input", ""))


def _error(info: dict[str, Any], *, test: str, call: str) -> CandidateError:
    line = info.get("line")
    return CandidateError(
        type=_text(info.get("type")) or "Exception",
        message=_text(info.get("message")),
        traceback=_text(info.get("traceback")),
        line=line if type(line) is int else None,
        test=test,
        input=call,
    )


def _cpu_exceeded(candidate: dict[str, Any]) -> bool:
    # The worker is PID 1 of its namespace, so nothing inside can SIGKILL it: a SIGKILL we
    # did not send is the kernel enforcing the CPU limit.
    status = candidate.get("status")
    if not isinstance(status, int) or not os.WIFSIGNALED(status) or candidate.get("killed"):
        return False
    return os.WTERMSIG(status) in (signal.SIGKILL, signal.SIGXCPU)


def _ended(candidate: dict[str, Any], gone: dict[str, Any]) -> str:
    status = candidate.get("status")
    call = gone.get("input") or ""
    when = f" while running {call}" if call else " before the tests could call it"
    if isinstance(status, int) and os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        name = signal.Signals(signum).name if signum in signal.valid_signals() else str(signum)
        return f"Your code's process crashed ({name}){when}."
    code = os.WEXITSTATUS(status) if isinstance(status, int) else "unknown"
    return f"Your code's process exited (exit status {code}){when}; return a value instead."


def _mark_running(facts: _Facts, outcome: str, message: str) -> None:
    if facts.running:
        facts.tests[facts.running] = TestResult(facts.running, outcome, message)


def _during(facts: _Facts) -> str:
    return f" (in {_short(facts.running)})" if facts.running else ""


def _short(name: str) -> str:
    return name.rpartition("::")[2] or name


def _tail(harness: ExitInfo | None) -> str:
    output = harness["output"] if harness else b""
    return output[-3000:].decode("utf-8", "replace") if isinstance(output, bytes) else ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
