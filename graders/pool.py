"""Pre-started, single-use sandbox pairs (harness + candidate), refilled in the background.

Two zygotes, one per role, start once per process and stay pre-imported. Each grading takes
a ready pair of workers forked from them (already each in a user namespace of its own with
fresh namespaces under it, linked to each other by a socket) and sends each its job; a pair
serves one grading and is then destroyed. A background thread keeps `size` pairs ready.

A reviewed kata's gradings skip pytest's start-up and the tests' collection: the harness
zygote forks a kata zygote that collects them once (graders/_inside/harness/kata.py), and
each of its pairs has a harness worker forked from there. The first grading of a kata asks
for one and is graded the ordinary way meanwhile; the `kata_zygotes` most recently used are
kept, each with a ready pair of its own.

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
from collections import OrderedDict, deque
from dataclasses import dataclass, field

from graders import sandbox
from graders.codec import ProtocolError, encode, write_frame
from graders.errors import GraderError, SandboxUnavailable
from graders.messages import ExitInfo, Order, Status, receive, send

__all__ = ["KataTests", "Pair", "Pool", "Worker", "get_pool"]

_START_SECONDS = 60.0
# A kata zygote that has not collected (and warmed up) its tests by then is ended by the
# kernel: a kata whose tests or reference hang costs one wait, not a process spinning on.
_KATA_READY_SECONDS = 30
_READY_SECONDS = 30.0
_MAX_FAILURES = 5
# How many katas are kept collected, each with a ready pair: about 9 MB each of memory of
# their own (the rest is shared with the zygotes). 0 grades every kata the ordinary way.
KATA_ZYGOTES_VARIABLE = "KATABANK_COLLECTED_KATAS"
_KATA_ZYGOTES = 8
# Recently seen katas remembered, per kata zygote kept.
_SEEN_PER_ZYGOTE = 4
# Ready pairs a kata keeps once two of its gradings overlapped; one until then.
_MOST_READY_PER_KATA = 2


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
        return _spawn(self.ctl, self.lock, link)

    def fork_kata(self, tests: KataTests) -> _KataZygote:
        """A kata zygote that has collected `tests` (GraderError if it could not)."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        # The tests go on a stream of their own: a frame may be larger than one packet.
        job, their_job = socket.socketpair()
        try:
            with self.lock:
                socket.send_fds(self.ctl, [b"kata"], [theirs.fileno(), their_job.fileno()])
        except OSError:
            ours.close()
            raise
        finally:
            theirs.close()
            their_job.close()
        zygote = _KataZygote(ours)
        try:
            with job:
                job_frame = encode({"ready_seconds": _KATA_READY_SECONDS, "tests": tests.payload})
                write_frame(job.fileno(), job_frame)
            zygote.wait_ready()
        except (OSError, GraderError):
            zygote.close()
            raise
        return zygote

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


def _spawn(ctl: socket.socket, lock: threading.Lock, link: socket.socket) -> Worker:
    """Ask a zygote on `ctl` for a worker, given its end of the pair's `link`."""
    ours, theirs = socket.socketpair()
    try:
        with lock:
            socket.send_fds(ctl, [b"spawn"], [theirs.fileno(), link.fileno()])
    except OSError:
        ours.close()
        raise
    finally:
        theirs.close()
    return Worker(ours)


@dataclass(frozen=True)
class KataTests:
    """A reviewed kata's tests as a kata zygote collects them: the harness job's kata part."""

    key: str
    payload: bytes


class _KataZygote:
    """A harness zygote's child that has collected one kata's tests and forks its workers."""

    def __init__(self, ctl: socket.socket) -> None:
        self.ctl = ctl
        self.lock = threading.Lock()

    def wait_ready(self) -> None:
        if not select.select([self.ctl], [], [], _START_SECONDS)[0]:
            raise GraderError("a kata's tests took too long to collect")
        said = self.ctl.recv(16)
        if said != b"ready":
            raise GraderError(f"a kata's tests did not collect ({said!r})")

    def spawn(self, link: socket.socket) -> Worker:
        return _spawn(self.ctl, self.lock, link)

    def close(self) -> None:
        self.ctl.close()


@dataclass
class _Kata:
    """One kata's zygote and ready pairs, as the pool keeps them."""

    tests: KataTests
    zygote: _KataZygote | None = None
    ready: deque[Pair] = field(default_factory=deque)
    want: int = 1
    failures: int = 0

    def needs_work(self) -> bool:
        usable = self.failures < _MAX_FAILURES
        return usable and (self.zygote is None or len(self.ready) < self.want)

    def close(self) -> None:
        for pair in self.ready:
            pair.close()
        self.ready.clear()
        if self.zygote is not None:
            self.zygote.close()
            self.zygote = None


class Pool:
    """Ready pairs of sandboxed workers for one isolation mode, made by one long-lived thread.

    One thread owns the zygotes: bubblewrap's --die-with-parent follows the thread that
    started it, so a zygote started from a short-lived request thread would die with it.
    """

    def __init__(self, *, isolate: bool, size: int = 3, kata_zygotes: int = _KATA_ZYGOTES) -> None:
        if isolate:
            sandbox.check_available()
        self.isolate = isolate
        self.size = size
        self.kata_zygotes = kata_zygotes
        self._zygotes: dict[str, _Zygote] = {}
        self._ready: deque[Pair] = deque()
        # Most recently used last; changed under _cond, their zygotes made by the thread.
        self._katas: OrderedDict[str, _Kata] = OrderedDict()
        # Katas graded once recently, without a zygote yet (most recent last).
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._retired: list[_Kata] = []
        self._cond = threading.Condition()
        self._closed = False
        self._failure: GraderError | None = None
        self._thread = threading.Thread(
            target=self._produce, name="katabank-sandboxes", daemon=True
        )
        self._thread.start()

    def take(self, tests: KataTests | None = None) -> tuple[Pair, bool]:
        """A ready pair for one grading, and whether its harness has collected `tests`.

        Waits while the background thread makes a pair. With `tests`, a pair of that kata's
        zygote if one is ready; otherwise an ordinary pair, and the kata's zygote is asked for.
        """
        deadline = time.monotonic() + _START_SECONDS
        with self._cond:
            if tests is not None and self.kata_zygotes > 0:
                pair = self._take_collected(tests)
                if pair is not None:
                    return pair, True
            while not self._ready:
                if self._failure is not None:
                    raise self._failure
                remaining = deadline - time.monotonic()
                if self._closed or remaining <= 0:
                    raise GraderError("no grading sandbox became ready")
                self._cond.wait(remaining)
            pair = self._ready.popleft()
            self._cond.notify_all()
            return pair, False

    def pair_failed(self) -> None:
        """A ready pair died before its grading began. If a zygote died, so did every pair
        it made: drop them all, so that the next take waits for a fresh one."""
        zygotes = list(self._zygotes.values())
        # None: the thread is restarting them, because one died.
        if zygotes and all(zygote.alive() for zygote in zygotes):
            return
        with self._cond:
            stale = list(self._ready)
            self._ready.clear()
            for kata in self._katas.values():
                stale.extend(kata.ready)
                kata.ready.clear()
            self._cond.notify_all()
        for pair in stale:
            pair.close()

    def _take_collected(self, tests: KataTests) -> Pair | None:
        """The kata's ready pair, if any; else asks the thread for it (under _cond).

        A kata's zygote costs about one grading to make, so only a kata graded twice among
        the recent ones gets one: a kata graded once in a while never pushes out another.
        """
        kata = self._katas.get(tests.key)
        if kata is None:
            if tests.key not in self._seen:
                self._seen[tests.key] = None
                while len(self._seen) > _SEEN_PER_ZYGOTE * self.kata_zygotes:
                    self._seen.popitem(last=False)
                return None
            del self._seen[tests.key]
            kata = self._katas[tests.key] = _Kata(tests)
            while len(self._katas) > self.kata_zygotes:
                self._retired.append(self._katas.popitem(last=False)[1])
            self._cond.notify_all()
            return None
        if kata.failures >= _MAX_FAILURES:
            # Not moved to the end: a kata whose zygote keeps failing ages out of its slot,
            # and once retired and graded twice again, gets another try.
            return None
        self._katas.move_to_end(tests.key)
        if not kata.ready:
            if kata.zygote is not None:
                kata.want = _MOST_READY_PER_KATA  # its gradings overlap: keep one more
            self._cond.notify_all()
            return None
        pair = kata.ready.popleft()
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
            while (work := self._wait_for_work()) is not None:
                try:
                    self._do(work)
                except SandboxUnavailable as exc:
                    self._fail(exc)
                    return
                except (OSError, GraderError) as exc:
                    if isinstance(work, _Kata):
                        self._kata_failed(work, exc)
                        continue
                    failures += 1
                    if failures >= _MAX_FAILURES:
                        self._fail(GraderError(f"cannot start grading sandboxes: {exc}"))
                        return
                    time.sleep(0.1 * failures)
                    continue
                failures = 0
        finally:
            with self._cond:
                pairs = list(self._ready)
                self._ready.clear()
                katas = [*self._katas.values(), *self._retired]
                self._katas.clear()
                self._retired.clear()
            for pair in pairs:
                pair.close()
            for kata in katas:
                kata.close()
            for zygote in self._zygotes.values():
                zygote.close()

    def _wait_for_work(self) -> _Kata | str | None:
        """What to make next: "pair" (an ordinary one), a kata's zygote or pair, or "retire"
        (close evicted katas); None once closed. Ordinary pairs come first while none is
        ready, as every grading may need one."""
        with self._cond:
            while not self._closed:
                if self._retired:
                    return "retire"
                if not self._ready:
                    return "pair"
                for kata in reversed(self._katas.values()):
                    if kata.needs_work():
                        return kata
                if len(self._ready) < self.size:
                    return "pair"
                self._cond.wait()
            return None

    def _do(self, work: _Kata | str) -> None:
        if work == "retire":
            with self._cond:
                retired, self._retired = self._retired, []
            for kata in retired:
                kata.close()
        elif isinstance(work, _Kata):
            self._make_kata_pair(work)
        else:
            pair = self._make_pair()
            with self._cond:
                self._ready.append(pair)
                self._cond.notify_all()

    def _make_kata_pair(self, kata: _Kata) -> None:
        """Fork the kata's zygote if it has none, else one more ready pair from it."""
        self._check_zygotes()
        if kata.zygote is None:
            zygote = self._zygotes["harness"].fork_kata(kata.tests)
            with self._cond:
                if self._katas.get(kata.tests.key) is kata:
                    kata.zygote = zygote
                    return
            zygote.close()  # evicted meanwhile
            return
        pair = self._pair_from(kata.zygote)
        with self._cond:
            if self._katas.get(kata.tests.key) is kata:
                kata.ready.append(pair)
                self._cond.notify_all()
                return
        pair.close()

    def _kata_failed(self, kata: _Kata, failure: Exception) -> None:
        """A kata zygote that cannot collect, or died: it is forked again, up to a point;
        the kata's gradings go the ordinary way meanwhile, and for good after that."""
        with self._cond:
            broken = isinstance(failure, GraderError) and "did not collect" in str(failure)
            kata.failures = _MAX_FAILURES if broken else kata.failures + 1
            zygote, kata.zygote = kata.zygote, None
        if zygote is not None:
            zygote.close()

    def _fail(self, failure: GraderError) -> None:
        with self._cond:
            self._failure = failure
            self._cond.notify_all()

    def _make_pair(self) -> Pair:
        self._check_zygotes()
        return self._pair_from(self._zygotes["harness"])

    def _check_zygotes(self) -> None:
        if not self._zygotes or not all(z.alive() for z in self._zygotes.values()):
            self._restart_zygotes()

    def _pair_from(self, harness_zygote: _Zygote | _KataZygote) -> Pair:
        ours, theirs = socket.socketpair()
        try:
            harness = harness_zygote.spawn(ours)
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
        # Kata zygotes are the harness zygote's children: they end with it.
        with self._cond:
            for kata in self._katas.values():
                self._retired.append(_Kata(kata.tests, kata.zygote, kata.ready))
                kata.zygote, kata.ready = None, deque()
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
            pool = _pools[isolate] = Pool(isolate=isolate, kata_zygotes=_kata_zygotes())
        return pool


def _kata_zygotes() -> int:
    """KATABANK_COLLECTED_KATAS, or the default; GraderError naming it if it is no count."""
    text = os.environ.get(KATA_ZYGOTES_VARIABLE, "").strip()
    if not text:
        return _KATA_ZYGOTES
    if not text.isdigit():
        raise GraderError(f"{KATA_ZYGOTES_VARIABLE}={text[:40]!r}: not a whole number >= 0")
    return int(text)


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
