"""A kata zygote: one reviewed kata's tests collected once, then a forked worker per grading.

pytest's start-up and a kata's collection cost every grading about 35 ms of CPU, a third of a
cheap kata's whole grading. The harness zygote forks a kata zygote for each reviewed kata and
suite the pool asks for (graders/pool.py). It writes the kata's files, configures pytest and
runs its tests once against the kata's reference (`_warm_up`), collects them afresh as
`runner.run` would; then, where pytest would run them, it serves "spawn" requests as the
zygote does (`Spawner`). Each worker it forks is sandboxed like any other, reads its
grading's job (limits and CPU), puts the kata's files back in its own scratch, and returns
into that pytest session to run the collected tests against its candidate. Workers start
from the same state, so gradings stay alike.

Only reviewed katas (`Kata.reviewed`: the deployment's katas/) come here: their test modules
and reference are run outside any grading's namespaces, with the zygote's privileges.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import numpy
import pytest

from graders._inside import candidate
from graders._inside.harness import plugin, runner
from graders._inside.harness.plugin import Plugin
from graders._inside.harness.proxy import Solution
from graders._inside.job import apply_job_limits, stay_on
from graders.codec import decode, read_frame

if TYPE_CHECKING:
    from graders._inside.zygote import Spawner

__all__ = ["serve"]

# Inside a worker, as graders._inside.zygote arranges them (not imported: no cycle).
_CTRL_FD, _LINK_FD = 3, 4


def serve(sock: socket.socket, job_fd: int, spawner: Spawner) -> None:
    """Read the kata's job on `job_fd`, warm up and collect its tests, then fork gradings
    until `sock` closes.

    Says b"ready" on `sock` once collected, or b"broken" if the tests do not collect (the
    pool then grades the kata the ordinary way, which reports why). Not ready within the
    job's "ready_seconds", this process and its reference's are ended by SIGALRM.
    """
    frame = read_frame(job_fd)
    os.close(job_fd)
    if frame is None:
        return
    request = decode(frame)
    seconds = request["ready_seconds"]
    signal.alarm(seconds)
    job = decode(request["tests"])
    kata = Path(tempfile.mkdtemp(prefix="katabank-kata-")) / "kata"
    runner.write_kata(kata, job["files"])
    runner.configure(kata, job["max_examples"])
    args = runner.pytest_args(job["tests"], kata)
    _warm_up(args, kata, job, seconds=seconds)
    solution = Solution(link_fd=_LINK_FD, ctrl_fd=_CTRL_FD, function=job["function"])
    reporter = Plugin(solution, None, {})
    forker = _Forker(sock, spawner, reporter, kata, job["files"])
    code = pytest.main(args, plugins=[plugin, reporter, forker])
    if forker.times is not None:  # a worker, whose grading has run
        runner.finish(_CTRL_FD, code, forker.times, collected=reporter.collected)


def _warm_up(args: list[str], kata: Path, job: dict[str, Any], *, seconds: int) -> None:
    """Run the kata's tests once against its reference, then forget the kata's modules.

    A grading's first pass builds what later passes reuse (Hypothesis's internals and
    caches, lazy imports, the calls' code paths); done here once, no worker pays for it:
    forked from a warm process, a worker's CPU drops by a fifth to two fifths (measured by
    forking the same tests from a cold and a warm process). The reference is reviewed code
    like the tests; it answers from a child of this process, as a candidate's process
    would. What the tests report here counts for nothing.

    Then the kata's modules are dropped, to be imported afresh by the session workers fork
    from: whatever a test module keeps from run to run (a generator of cases, a set of the
    cases checked) starts in every worker as in an unwarmed grading, and so does numpy's
    global RNG, put back (Python's is seeded anew in each forked process).
    """
    harness_end, reference_end = socket.socketpair()
    if os.fork() == 0:  # the reference's process, reaped by the kernel (see zygote.py)
        try:
            signal.alarm(seconds)
            harness_end.close()
            module, problem = candidate.load(job["reference"], job["function"], job["kind"])
            if problem is None:
                candidate.answer(module, reference_end.fileno())
        finally:
            os._exit(0)
    reference_end.close()
    numpy_random = numpy.random.get_state()
    nowhere = os.open(os.devnull, os.O_WRONLY)
    reference = Solution(link_fd=harness_end.fileno(), ctrl_fd=nowhere, function=job["function"])
    try:
        pytest.main(args, plugins=[plugin, Plugin(reference, None, {})])
    finally:
        harness_end.close()
        os.close(nowhere)
        numpy.random.set_state(numpy_random)
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and Path(file).is_relative_to(kata):
            del sys.modules[name]


class _Forker:
    """Stops the kata zygote's pytest session where it would run the tests, to fork workers."""

    def __init__(
        self,
        sock: socket.socket,
        spawner: Spawner,
        reporter: Plugin,
        kata: Path,
        files: dict[str, str],
    ) -> None:
        self.sock, self.spawner, self.reporter = sock, spawner, reporter
        self.kata, self.files = kata, files
        # Set in a worker only: when its phases ended.
        self.times: dict[str, float] | None = None

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> None:
        if session.testsfailed or self.reporter.collection_failed:
            self.sock.sendall(b"broken")
            self._end()
        # Keep the collector away from what was collected, so workers share its pages.
        gc.collect()
        gc.freeze()
        signal.alarm(0)
        self.sock.sendall(b"ready")
        payload = self.spawner.serve(self.sock)
        if payload is None:
            self._end()  # the pool closed this kata zygote
        self._start_grading(payload)
        # Returning lets pytest's own loop run the collected tests, in this worker.

    def _end(self) -> NoReturn:
        """End the kata zygote, and its folder (left behind on the host when not isolated)."""
        shutil.rmtree(self.kata.parent, ignore_errors=True)
        os._exit(0)

    def _start_grading(self, payload: bytes) -> None:
        times = {"job": time.monotonic(), "job_cpu": time.process_time()}
        job = decode(payload)
        apply_job_limits(cpu_seconds=job["cpu_seconds"], memory_mb=job["memory_mb"])
        stay_on(job["cpu"])
        if self.spawner.isolate:
            # The worker's own scratch covers the zygote's: the files go back where they were
            # collected, for tests that read them (an SQL kata's schema) and for tracebacks.
            runner.write_kata(self.kata, self.files)
        os.chdir(self.kata)
        if not runner.greet(_CTRL_FD, _LINK_FD):
            os._exit(0)
        times["greeted"] = times["collected"] = time.monotonic()
        times["collected_cpu"] = time.process_time()
        self.times = times
        self.reporter.start(_CTRL_FD, times)
