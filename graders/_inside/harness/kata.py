"""A kata zygote: one reviewed kata's tests collected once, then a forked worker per grading.

pytest's start-up and a kata's collection cost every grading about 35 ms of CPU, a third of a
cheap kata's whole grading. The harness zygote forks a kata zygote for each reviewed kata and
suite the pool asks for (graders/pool.py). It writes the kata's files, configures pytest and
collects the tests as `runner.run` would, and runs them once against the kata's reference
(`_WarmUp`); then, where pytest would run them, it serves "spawn" requests as the zygote
does (`Spawner`). Each worker it forks is sandboxed like any other, reads its grading's job
(limits and CPU), puts the kata's files back in its own scratch, and returns into that
pytest session to run the collected tests against its candidate. Workers start from the
same state, so gradings stay alike.

Only reviewed katas (`Kata.reviewed`: the deployment's katas/) come here: their test modules
and reference are run outside any grading's namespaces, with the zygote's privileges.
"""

from __future__ import annotations

import collections
import functools
import gc
import os
import shutil
import socket
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import numpy
import pytest
from _pytest.runner import runtestprotocol

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
    """Read the kata's job on `job_fd`, collect its tests, then fork gradings until `sock`
    closes.

    Says b"ready" on `sock` once collected and warmed up, or b"broken" if the tests do not
    collect or keep state from run to run (the pool then grades the kata the ordinary way).
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
    warm_up = _WarmUp(solution, job["reference"], job["kind"], kata)
    forker = _Forker(sock, spawner, reporter, kata, job["files"], warm_up)
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
        warm_up: _WarmUp,
    ) -> None:
        self.sock, self.spawner, self.reporter = sock, spawner, reporter
        self.kata, self.files, self.warm_up = kata, files, warm_up
        # Set in a worker only: when its phases ended.
        self.times: dict[str, float] | None = None

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> None:
        if session.testsfailed or self.reporter.collection_failed:
            self.sock.sendall(b"broken")
            self._end()
        if not self.warm_up.run(session):
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


@dataclass(frozen=True)
class _WarmUp:
    """The collected tests run once against the kata's reference, so that workers fork warm.

    A grading's first pass builds what later passes reuse (Hypothesis's strategies and
    caches, lazy imports); done here once, no worker pays for it, and a worker's CPU drops
    by a fifth to two fifths (measured by forking workers from a cold and a warm process).
    The reference is reviewed code like the tests; it answers from a child of this process,
    as a candidate's process would, so the tests warm up the very calls a grading makes.

    Every worker starts where an unwarmed one would: each test is torn down after it runs,
    numpy's global RNG is put back (Python's is seeded anew in each forked process), and a
    kata whose test modules keep state from run to run (a set of the cases already checked
    would let every worker skip them all) is not collected: the pool grades it the ordinary
    way.
    """

    solution: Solution
    source: str
    kind: str
    kata: Path

    def run(self, session: pytest.Session) -> bool:
        """Run each test once; False if that changed what the kata's modules hold.

        What the tests report here counts for nothing (a test that looks at the worker it
        runs in fails in this process), only what they report in a worker.
        """
        before = _module_state(self.kata)
        harness_end, reference_end = socket.socketpair()
        if os.fork() == 0:  # the reference's process, reaped by the kernel (see zygote.py)
            try:
                harness_end.close()
                module, problem = candidate.load(self.source, self.solution.function, self.kind)
                if problem is None:
                    candidate.answer(module, reference_end.fileno())
            finally:
                os._exit(0)
        reference_end.close()
        numpy_random = numpy.random.get_state()
        nowhere = os.open(os.devnull, os.O_WRONLY)
        self.solution.rewire(link_fd=harness_end.fileno(), ctrl_fd=nowhere)
        try:
            for item in session.items:
                runtestprotocol(item, log=False, nextitem=None)
        finally:
            self.solution.rewire(link_fd=_LINK_FD, ctrl_fd=_CTRL_FD)
            harness_end.close()
            os.close(nowhere)
            numpy.random.set_state(numpy_random)
        return _module_state(self.kata) == before


def _module_state(folder: Path) -> dict[tuple[str, str], tuple[int, int | None]]:
    """What the modules loaded from `folder` hold, shallowly: the object each global name
    is bound to, and how many items each container or cache of theirs holds."""
    state = {}
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and Path(file).is_relative_to(folder):
            for name, value in list(vars(module).items()):
                state[module.__name__, name] = (id(value), _size(value))
    return state


def _size(value: object) -> int | None:
    # Only exact types: reading an attribute of a test's object could call its code.
    if isinstance(value, functools._lru_cache_wrapper):
        return int(value.cache_info().currsize)
    if type(value) in (list, dict, set, bytearray, collections.deque):
        return len(value)  # type: ignore[arg-type]
    return None
