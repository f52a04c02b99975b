"""Pre-started, single-use sandbox pairs (harness + candidate), refilled in the background.

Two zygotes, one per role, start once per process and stay pre-imported. Each grading takes
a ready pair of workers forked from them (already each in a user namespace of its own with
fresh namespaces under it, linked to each other by a socket) and sends each its job; a pair
serves one grading and is then destroyed. A background thread keeps `size` pairs ready.

This is the supervisor's side: it never imports graders._inside, and speaks to the keepers
only in `graders.messages`.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import socket
import subprocess
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass

from graders import sandbox
from graders.codec import ProtocolError
from graders.errors import GraderError, SandboxUnavailable
from graders.messages import ExitInfo, Order, Status, receive, send

__all__ = ["Pair", "Pool", "Worker", "get_pool"]

_START_SECONDS = 60.0
_READY_SECONDS = 30.0
_MAX_FAILURES = 5


class Worker:
    """The host's handle on one sandboxed worker, through the socket to its keeper."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.exit: ExitInfo | None = None

    def fileno(self) -> int:
        return self.sock.fileno()

    def expect_ready(self) -> None:
        if not select.select([self.sock], [], [], _READY_SECONDS)[0]:
            raise GraderError("a sandbox did not get ready in time")
        message = self.receive()
        if message is None or message[0] is not Status.READY:
            raise GraderError("a sandbox failed while starting")

    def receive(self) -> tuple[Status, tuple[object, ...]] | None:
        """One message from the keeper; None once the keeper is gone or garbled."""
        try:
            return receive(self.sock.fileno(), Status)
        except (OSError, ProtocolError):
            return None

    def collect_exit(self) -> None:
        """Read how the worker ended (None in `exit` if the keeper said nothing sensible)."""
        message = self.receive()
        if message is not None and message[0] is Status.EXIT and isinstance(message[1][0], dict):
            self.exit = message[1][0]  # type: ignore[assignment]

    def send_job(self, *, output_cap: int, strict: bool, payload: bytes) -> None:
        """Start the job; output past `output_cap` bytes is dropped, or (strict) ends the run."""
        send(self.sock.fileno(), Order.JOB, output_cap, strict, payload)

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            send(self.sock.fileno(), Order.KILL)

    def close(self) -> None:
        self.sock.close()


@dataclass
class Pair:
    """A harness worker and a candidate worker, connected to each other only."""

    harness: Worker
    candidate: Worker

    def close(self) -> None:
        self.harness.close()
        self.candidate.close()


class _Zygote:
    """One pre-imported interpreter of one role that forks workers on request."""

    def __init__(self, role: str, *, isolate: bool) -> None:
        self.role = role
        self.lock = threading.Lock()
        # Datagram boundaries keep each request's two descriptors apart.
        self.ctl, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        command, env = sandbox.zygote_command(role, isolate=isolate, ctl_fd=theirs.fileno())
        # Closed in close(): it lives as long as the zygote.
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
            pass_fds=[theirs.fileno()],
            cwd="/",
        )
        theirs.close()

    def wait_ready(self) -> None:
        ready = select.select([self.ctl], [], [], _START_SECONDS)[0]
        if not ready or self.ctl.recv(16) != b"ready":
            self.process.kill()
            self.process.wait()
            self.stderr.seek(0)
            detail = self.stderr.read()[-2000:].decode("utf-8", "replace").strip()
            raise SandboxUnavailable(
                f"the {self.role} sandbox did not start: {detail or 'no output'}"
            )

    def spawn(self, link: socket.socket) -> Worker:
        ours, theirs = socket.socketpair()
        try:
            with self.lock:
                socket.send_fds(self.ctl, [b"spawn"], [theirs.fileno(), link.fileno()])
        except OSError:
            ours.close()
            raise
        finally:
            theirs.close()
        return Worker(ours)

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        self.ctl.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.stderr.close()


class Pool:
    """Ready pairs of sandboxed workers for one isolation mode, made by one long-lived thread.

    One thread owns the zygotes: bubblewrap's --die-with-parent follows the thread that
    started it, so a zygote started from a short-lived request thread would die with it.
    """

    def __init__(self, *, isolate: bool, size: int = 3) -> None:
        if isolate:
            sandbox.check_available()
        self.isolate = isolate
        self.size = size
        self._zygotes: dict[str, _Zygote] = {}
        self._ready: deque[Pair] = deque()
        self._cond = threading.Condition()
        self._closed = False
        self._failure: GraderError | None = None
        self._thread = threading.Thread(
            target=self._produce, name="katabank-sandboxes", daemon=True
        )
        self._thread.start()

    def take(self) -> Pair:
        """A ready pair for one grading; waits while the background thread makes one."""
        deadline = time.monotonic() + _START_SECONDS
        with self._cond:
            while not self._ready:
                if self._failure is not None:
                    raise self._failure
                remaining = deadline - time.monotonic()
                if self._closed or remaining <= 0:
                    raise GraderError("no grading sandbox became ready")
                self._cond.wait(remaining)
            pair = self._ready.popleft()
            self._cond.notify_all()
            return pair

    def close(self) -> None:
        """Destroy the ready pairs and the zygotes; pairs in use end with their gradings."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=_START_SECONDS)

    def _produce(self) -> None:
        failures = 0
        try:
            while self._wait_for_room():
                try:
                    pair = self._make_pair()
                except SandboxUnavailable as exc:
                    self._fail(exc)
                    return
                except (OSError, GraderError) as exc:
                    failures += 1
                    if failures >= _MAX_FAILURES:
                        self._fail(GraderError(f"cannot start grading sandboxes: {exc}"))
                        return
                    time.sleep(0.1 * failures)
                    continue
                failures = 0
                with self._cond:
                    self._ready.append(pair)
                    self._cond.notify_all()
        finally:
            with self._cond:
                pairs = list(self._ready)
                self._ready.clear()
            for pair in pairs:
                pair.close()
            for zygote in self._zygotes.values():
                zygote.close()

    def _wait_for_room(self) -> bool:
        with self._cond:
            while not self._closed and len(self._ready) >= self.size:
                self._cond.wait()
            return not self._closed

    def _fail(self, failure: GraderError) -> None:
        with self._cond:
            self._failure = failure
            self._cond.notify_all()

    def _make_pair(self) -> Pair:
        if not self._zygotes or not all(z.alive() for z in self._zygotes.values()):
            self._restart_zygotes()
        ours, theirs = socket.socketpair()
        try:
            harness = self._zygotes["harness"].spawn(ours)
            try:
                candidate = self._zygotes["candidate"].spawn(theirs)
            except OSError:
                harness.close()
                raise
        finally:
            ours.close()
            theirs.close()
        pair = Pair(harness, candidate)
        try:
            harness.expect_ready()
            candidate.expect_ready()
        except GraderError:
            pair.close()
            raise
        return pair

    def _restart_zygotes(self) -> None:
        for zygote in self._zygotes.values():
            zygote.close()
        self._zygotes = {}
        started = {role: _Zygote(role, isolate=self.isolate) for role in ("harness", "candidate")}
        try:
            for zygote in started.values():
                zygote.wait_ready()
        except GraderError:
            for zygote in started.values():
                zygote.close()
            raise
        self._zygotes = started


_pools: dict[bool, Pool] = {}
_pools_lock = threading.Lock()


def get_pool(*, isolate: bool) -> Pool:
    """The process's pool for this isolation mode, started on first use."""
    with _pools_lock:
        pool = _pools.get(isolate)
        if pool is None:
            pool = _pools[isolate] = Pool(isolate=isolate)
        return pool


def _close_all() -> None:
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()


def _forget_after_fork() -> None:
    # A forked child must not share its parent's sandboxes; it starts its own on first use.
    global _pools_lock
    _pools.clear()
    _pools_lock = threading.Lock()


atexit.register(_close_all)
os.register_at_fork(after_in_child=_forget_after_fork)
