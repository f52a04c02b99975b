"""The harness's pytest plugin: the `solution` fixture, and one report per test to the keeper."""

from __future__ import annotations

import time
from collections.abc import Generator
from typing import Any

import pytest
from hypothesis.statistics import collector

from graders._inside.harness.proxy import Solution
from graders.kit import CandidateRaised, Mismatch, format_calls, short_repr
from graders.messages import Event, send

__all__ = ["Plugin"]

_TEXT_LIMIT = 4000
_STATS = pytest.StashKey[dict[str, Any]]()


# A worker grades once, so one module-level candidate is all the fixture needs.
_solution: Solution | None = None


@pytest.fixture(scope="session")
def solution() -> Solution | None:
    """The candidate's function or class, called across the sandbox boundary."""
    return _solution


def candidate() -> Solution:
    """The running grading's candidate, for modules that bind its names when imported.

    Imported Exercism tests say `from two_fer import two_fer`; the kata's generated
    two_fer.py asks here (see graders/_inside/harness/exercise.py).
    """
    if _solution is None:
        raise RuntimeError("no candidate to call: only the test harness can import this")
    return _solution


class Plugin:
    """Gives tests the candidate's function; streams each test's outcome to the keeper."""

    def __init__(self, solution: Solution, ctrl_fd: int | None, times: dict[str, float]) -> None:
        """`ctrl_fd` None: collecting in a kata zygote, with no keeper to tell (yet)."""
        global _solution
        _solution = solution
        self._solution = solution
        self.ctrl_fd = ctrl_fd
        self.times = times
        self.collection_failed = False
        self.collected = 0

    def start(self, ctrl_fd: int, times: dict[str, float]) -> None:
        """In a worker forked from a kata zygote: report this grading on `ctrl_fd`."""
        self.ctrl_fd = ctrl_fd
        self.times = times

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.collected = len(session.items)
        # When each phase ended, on the host's monotonic clock: for benchmarks/grading.py.
        self.times["collected"] = time.monotonic()
        self.times["collected_cpu"] = time.process_time()

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if not report.failed:
            return
        self.collection_failed = True
        self._send(Event.BROKEN, {"test": report.nodeid, "message": _longrepr(report)})

    def _send(self, kind: Event, body: Any) -> None:
        if self.ctrl_fd is not None:  # None: a kata zygote, collecting for workers to come
            send(self.ctrl_fd, kind, body)

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self._solution.test = nodeid
        self._send(Event.START, nodeid)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, None, None]:
        statistics: dict[str, Any] = {}
        note: Any = statistics.update
        self._solution.uncalled.clear()
        with collector.with_value(note):
            try:
                result = yield
            finally:
                item.stash[_STATS] = statistics
        self._solution.refuse_uncalled()
        return result

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if call.when == "call" or report.failed or report.skipped:
            result = _result(item, call, report, self._solution)
            if call.when != "call" and report.failed:
                self._send(Event.BROKEN, {"test": item.nodeid, "message": _longrepr(report)})
            else:
                self._send(Event.RESULT, result)
        return report


def _result(
    item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport, solution: Solution
) -> dict:
    statistics = item.stash.get(_STATS, {})
    generated = statistics.get("generate-phase", {}).get("test-cases", [])
    result: dict[str, Any] = {
        "name": item.nodeid,
        "outcome": report.outcome,
        "message": "",
        "examples": sum(case["status"] == "valid" for case in generated) if statistics else None,
        "stopped_because": statistics.get("stopped-because", ""),
    }
    if report.skipped or call.excinfo is None:
        return result
    error = _find(call.excinfo.value)
    if isinstance(error, Mismatch):
        result["message"] = str(error.reason)[:_TEXT_LIMIT]
        shown = {key: str(text)[:_TEXT_LIMIT] for key, text in error.shown.items()}
        result["failure"] = {
            "test": item.nodeid,
            "input": shown.get("input")
            or format_calls(error.calls)
            or solution.describe_call(error.call_args, error.call_kwargs),
            "expected": shown.get("expected") or short_repr(error.expected),
            "got": shown.get("got") or short_repr(error.got),
            "reason": str(error.reason)[:_TEXT_LIMIT],
        }
    elif isinstance(error, CandidateRaised):
        result["outcome"] = "error"
        result["message"] = f"{error.type_name}: {error.message}"[:_TEXT_LIMIT]
        result["error"] = {
            "type": error.type_name,
            "message": error.message,
            "traceback": error.traceback,
            "line": error.line,
            "test": item.nodeid,
            "input": error.call,
        }
    else:
        result["message"] = _describe(error)
    return result


def _find(error: BaseException) -> BaseException:
    """The Mismatch or CandidateRaised behind `error`, e.g. inside Hypothesis's Flaky group."""
    if isinstance(error, Mismatch | CandidateRaised):
        return error
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            found = _find(inner)
            if isinstance(found, Mismatch | CandidateRaised):
                return found
    cause = error.__cause__ or error.__context__
    if isinstance(cause, Mismatch | CandidateRaised):
        return cause
    return error


def _describe(error: BaseException) -> str:
    try:
        text = f"{type(error).__name__}: {error}"
    except Exception:
        text = type(error).__name__
    return text[:_TEXT_LIMIT]


def _longrepr(report: pytest.CollectReport | pytest.TestReport) -> str:
    return str(report.longreprtext)[-_TEXT_LIMIT:]
