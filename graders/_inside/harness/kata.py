"""A kata zygote: one reviewed kata's tests collected once, then a forked worker per grading.

pytest's start-up and a kata's collection cost every grading about 35 ms of CPU, a third of a
cheap kata's whole grading. The harness zygote forks a kata zygote for each reviewed kata and
suite the pool asks for (graders/pool.py). It writes the kata's files, configures pytest and
collects the tests as `runner.run` would; then, where pytest would run them, it serves
"spawn" requests as the zygote does (`Spawner`). Each worker it forks is sandboxed like any
other, reads its grading's job (limits and CPU), puts the kata's files back in its own
scratch, and returns into that pytest session to run the collected tests against its
candidate. Workers start from the same collected state, so gradings stay alike.

Only reviewed katas (`Kata.reviewed`: the deployment's katas/) come here: their test modules
are imported once outside any grading's namespaces, with the zygote's privileges.
"""

from __future__ import annotations

import gc
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

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
    """Read the kata's job on `job_fd`, collect its tests, then fork gradings until `sock`
    closes.

    Says b"ready" on `sock` once collected, or b"broken" if the tests do not collect (the
    pool then grades the kata the ordinary way, which reports why).
    """
    frame = read_frame(job_fd)
    os.close(job_fd)
    if frame is None:
        return
    job = decode(frame)
    kata = Path(tempfile.mkdtemp(prefix="katabank-kata-")) / "kata"
    runner.write_kata(kata, job["files"])
    runner.configure(kata, job["max_examples"])
    solution = Solution(link_fd=_LINK_FD, ctrl_fd=_CTRL_FD, function=job["function"])
    reporter = Plugin(solution, None, {})
    forker = _Forker(sock, spawner, reporter, kata, job["files"])
    code = pytest.main(runner.pytest_args(job["tests"], kata), plugins=[plugin, reporter, forker])
    if forker.times is not None:  # a worker, whose grading has run
        runner.finish(_CTRL_FD, code, forker.times)


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
