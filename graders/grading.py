"""`grade()`: one submission against one kata, in a fresh pair of sandboxes, as a Report."""

from __future__ import annotations

import contextlib
import hashlib
import os
import select
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from graders.codec import encode
from graders.errors import GraderError, KataError
from graders.judge import Run, judge
from graders.pool import KataTests, Pair, Pool, Worker, get_pool
from graders.report import Report, Verdict
from graders.spec import HIDDEN_TESTS, SAMPLE_TESTS, Kata
from graders.sqlkata import candidate_module

__all__ = ["MAX_SOURCE_BYTES", "grade", "warm_up"]

MAX_SOURCE_BYTES = 64 * 1024
HARNESS_MEMORY_MB = 2048
HARNESS_OUTPUT_BYTES = 64 * 1024
# After a kill, keepers report within milliseconds; this only bounds a broken host.
_KILL_GRACE_SECONDS = 10.0
_LINGER_SECONDS = 1.0


def grade(
    kata: Kata, source: str | bytes, *, hidden: bool = True, unsafe_no_sandbox: bool = False
) -> Report:
    """Grade `source` against the kata's sample (hidden=False) or sample + hidden tests.

    Every outcome of the candidate's code is a Report; this raises only GraderError:
    KataError when the kata itself is broken, SandboxUnavailable when this host cannot
    isolate the code (unless `unsafe_no_sandbox`, for grading your own code).
    Safe to call from many threads at once.
    """
    started = time.monotonic()
    suite = "hidden" if hidden else "sample"
    text, problem = _accept(source)
    if problem:
        report = Report(kata.id, Verdict.REJECTED, problem, suite=suite)
    else:
        jobs = _jobs(kata, text, HIDDEN_TESTS if hidden else SAMPLE_TESTS)
        run = _run(get_pool(isolate=not unsafe_no_sandbox), jobs, kata.limits.wall_seconds)
        report = judge(run, kata=kata.id, suite=suite, limits=kata.limits)
    return _finish(report, started, sandboxed=not unsafe_no_sandbox)


def _accept(source: str | bytes) -> tuple[str, str]:
    """The source as text, or why it is rejected before any sandbox starts."""
    if isinstance(source, str):
        try:
            data = source.encode("utf-8")
        except UnicodeEncodeError:
            return "", "The submission is not valid UTF-8 text."
    else:
        data = bytes(source)
    if len(data) > MAX_SOURCE_BYTES:
        return "", f"The submission is larger than {MAX_SOURCE_BYTES // 1024} KiB."
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "", "The submission is not valid UTF-8 text."
    if not text.strip():
        return "", "The submission is empty."
    return text, ""


@dataclass(frozen=True)
class _Jobs:
    """What each worker of a pair is sent, but for the CPU it is to run on; and, for a
    reviewed kata, the tests a kata zygote may collect once for all its gradings."""

    candidate: dict[str, Any]
    candidate_output: int
    harness: dict[str, Any]
    tests: KataTests | None


def _jobs(kata: Kata, source: str, tests: tuple[str, ...]) -> _Jobs:
    limits = kata.limits
    try:
        files = kata.harness_files()
        sql = kata.kind == "sql"
        schema = (kata.path / "schema.sql").read_text(encoding="utf-8") if sql else ""
        # A kata zygote runs its tests once against the reference before it forks workers.
        reference = kata.reference if kata.reviewed else ""
    except OSError as exc:
        raise KataError(f"{kata.id}: cannot read its files: {exc}") from exc
    if sql:
        # The candidate's process runs the engine's fixed runner; the SQL is only its data.
        source = candidate_module(schema, source)
        reference = candidate_module(schema, reference)
    candidate = {
        "source": source,
        "function": kata.function,
        "kind": kata.kind,
        "cpu_seconds": limits.cpu_seconds,
        "memory_mb": limits.memory_mb,
    }
    collected = {
        "function": kata.function,
        "files": files,
        "tests": list(tests),
        "max_examples": kata.max_examples,
    }
    harness = {**collected, "cpu_seconds": limits.wall_seconds + 1, "memory_mb": HARNESS_MEMORY_MB}
    reviewed = None
    if kata.reviewed:
        payload = encode({**collected, "reference": reference, "kind": kata.kind})
        reviewed = KataTests(hashlib.sha256(payload).hexdigest(), payload)
    return _Jobs(candidate, limits.output_kb * 1024, harness, reviewed)


class _Cpus:
    """The CPU each running grading's pair shares: the one fewest gradings run on."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = dict.fromkeys(sorted(os.sched_getaffinity(0)), 0)

    @contextlib.contextmanager
    def least_busy(self) -> Iterator[int]:
        with self._lock:
            cpu = min(self._running, key=self._running.__getitem__)
            self._running[cpu] += 1
        try:
            yield cpu
        finally:
            with self._lock:
                self._running[cpu] -= 1


_cpus = _Cpus()


def _run(pool: Pool, jobs: _Jobs, wall_seconds: float) -> Run:
    """Start both jobs on a fresh pair and wait for them."""
    with _cpus.least_busy() as cpu:
        pair = _started_pair(pool, jobs, cpu)
        try:
            return _wait(pair, time.monotonic() + wall_seconds)
        finally:
            pair.close()


def _started_pair(pool: Pool, jobs: _Jobs, cpu: int) -> Pair:
    """A pair running both jobs; a pair that died while ready is replaced (twice at most:
    when a zygote died, the pool drops the pairs it made and makes fresh ones)."""
    for _attempt in range(3):
        pair, _collected = pool.take(jobs.tests)
        if _start(pair, jobs, cpu):
            return pair
        pair.close()
        pool.pair_failed()
    raise GraderError("the grading sandboxes die before they start")


def _start(pair: Pair, jobs: _Jobs, cpu: int) -> bool:
    try:
        pair.candidate.send_job(
            output_cap=jobs.candidate_output,
            strict=True,
            payload=encode({**jobs.candidate, "cpu": cpu}),
        )
        pair.harness.send_job(
            output_cap=HARNESS_OUTPUT_BYTES,
            strict=False,
            payload=encode({**jobs.harness, "cpu": cpu}),
        )
    except OSError:
        return False
    return True


def _wait(pair: Pair, deadline: float) -> Run:
    """Collect both exits, killing what outlives its time.

    The harness has until the wall deadline. Once it is done, the candidate, seeing its
    link close, exits by itself within milliseconds; it is killed only if it lingers, so
    that a candidate that died on its own (the CPU limit) is never reported as killed by us.
    """
    kill_at = {pair.harness: deadline, pair.candidate: deadline}
    killed: set[Worker] = set()
    wall_timeout = False
    while kill_at:
        now = time.monotonic()
        for worker, due in list(kill_at.items()):
            if now < due:
                continue
            if worker in killed:
                raise GraderError("a sandbox did not report after being killed")
            # The harness is only ever killed at the wall deadline.
            wall_timeout = wall_timeout or worker is pair.harness
            worker.kill()
            killed.add(worker)
            kill_at[worker] = now + _KILL_GRACE_SECONDS
        timeout = max(0.0, min(kill_at.values()) - time.monotonic())
        for worker in select.select(list(kill_at), [], [], timeout)[0]:
            worker.collect_exit()
            del kill_at[worker]
            if (
                worker is pair.harness
                and pair.candidate in kill_at
                and pair.candidate not in killed
            ):
                kill_at[pair.candidate] = time.monotonic() + _LINGER_SECONDS
    return Run(harness=pair.harness.exit, candidate=pair.candidate.exit, wall_timeout=wall_timeout)


def _finish(report: Report, started: float, *, sandboxed: bool) -> Report:
    elapsed = int((time.monotonic() - started) * 1000)
    return replace(report, duration_ms=elapsed, sandboxed=sandboxed)


def warm_up() -> None:
    """Start the sandboxes in the background now, so the first grading need not wait for them."""
    get_pool(isolate=True)
