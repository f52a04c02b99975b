"""Runs inside a sandbox: a pre-imported zygote that forks one single-use worker per grading.

`python -m graders._inside.zygote ROLE ISOLATE CTL_FD UID:GID` imports what ROLE ("harness" or
"candidate") needs once, then serves "spawn" requests on the socket CTL_FD. Each request
carries a job socket and a link socket. The zygote forks a keeper, which (when ISOLATE is
1) enters a fresh user namespace together with fresh mount, PID, IPC, network and UTS
namespaces, has the zygote map one uid and gid into it (UID:GID, the host ids the supervisor
chose: its own, or as root graders.sandbox.SANDBOX_HOST_ID), mounts
its own scratch tmpfs and forks the worker: PID 1 of the new PID namespace. The worker
mounts its own /proc, becomes WORKER_ID, sets resource limits, drops every capability, sets
no_new_privs and a seccomp filter, and only then reads its job. Linux >= 5.14 counts
RLIMIT_NPROC per user namespace, so each grading's process limit counts its own processes
only. The keeper (trusted, never runs job code) relays the job in, collects the worker's
output and reports, kills it on request and reports how it ended; when the worker exits,
the kernel kills everything left in its PID namespace, so nothing outlives the grading.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import resource
import select
import signal
import socket
import sys
import traceback
from typing import Any

from graders.codec import ProtocolError, read_frame, write_frame
from graders.messages import ExitInfo, Order, Status, send, unpack

# Inside the worker: 0 /dev/null, 1 and 2 its output pipe, 3 its keeper, 4 its peer.
WORKER_CTRL_FD = 3
WORKER_LINK_FD = 4
GRADERS_MOUNT = "/opt/katabank"
# The uid and gid a worker has inside its user namespace.
WORKER_ID = 1000
REPORT_LIMIT = 4 * 1024 * 1024

_CLONE_NEWNS = 0x00020000
_CLONE_NEWUTS = 0x04000000
_CLONE_NEWIPC = 0x08000000
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWPID = 0x20000000
_CLONE_NEWNET = 0x40000000
_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC = 1, 2, 4, 8
_MS_REC, _MS_PRIVATE = 0x4000, 0x40000
_MNT_DETACH = 2
_PR_SET_PDEATHSIG, _PR_SET_NO_NEW_PRIVS = 1, 38
_CAPABILITY_VERSION_3 = 0x20080522

# Resource ceilings set before the job is read; a job may only lower them.
_CEILINGS = {
    "harness": {"nproc": 32, "nofile": 256, "fsize_mb": 16, "tmpfs_mb": 32, "as_mb": 4096},
    "candidate": {"nproc": 16, "nofile": 64, "fsize_mb": 8, "tmpfs_mb": 16, "as_mb": 4096},
}

_libc = ctypes.CDLL(None, use_errno=True)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    encoded = [None if s is None else s.encode() for s in (source, target, fstype, data)]
    _check(_libc.mount(encoded[0], encoded[1], encoded[2], flags, encoded[3]), f"mount {target}")


def main() -> None:
    """Preload the role's modules, then fork a keeper per spawn request until CTL_FD closes."""
    role, isolate = sys.argv[1], sys.argv[2] == "1"
    ids = tuple(int(part) for part in sys.argv[4].split(":"))
    if isolate and os.geteuid() == 0:
        _uncover_proc()
    spawner = Spawner(role, isolate, _preload(role, isolate), (ids[0], ids[1]))
    ctl = socket.socket(fileno=int(sys.argv[3]))
    ctl.sendall(b"ready")
    # Keepers are reaped by the kernel; each keeper restores SIGCHLD to wait for its worker.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    payload = spawner.serve(ctl)
    if payload is None:
        return
    # Only a worker gets here, sandboxed, with its job.
    if role == "harness":
        from graders._inside.harness import runner

        runner.run(payload, ctrl_fd=WORKER_CTRL_FD, link_fd=WORKER_LINK_FD)
    else:
        from graders._inside import candidate

        candidate.serve(payload, ctrl_fd=WORKER_CTRL_FD, link_fd=WORKER_LINK_FD)
    sys.stdout.flush()
    os._exit(0)


class Spawner:
    """Forks a sandboxed worker (under its keeper) per "spawn" request on a control socket.

    `serve` returns only in a worker, with the worker's job: the worker runs on from the
    caller's stack, so a kata zygote (graders/_inside/harness/kata.py) can fork workers
    from inside a pytest session that has already collected the kata's tests.
    """

    def __init__(self, role: str, isolate: bool, seccomp: Any, ids: tuple[int, int]) -> None:
        self.role, self.isolate, self.seccomp, self.ids = role, isolate, seccomp, ids

    def serve(self, ctl: socket.socket) -> bytes | None:
        """Serve requests until `ctl` closes (None); in a forked worker, its job."""
        while True:
            message, fds, _flags, _addr = socket.recv_fds(ctl, 16, 2)
            if not message and not fds:
                return None
            if message == b"kata" and len(fds) == 2 and self.role == "harness":
                self._fork_kata_zygote(ctl, kata_fd=fds[0], job_fd=fds[1])
                continue
            if message != b"spawn" or len(fds) != 2:
                for fd in fds:
                    os.close(fd)
                continue
            payload = self._spawn(ctl, job_fd=fds[0], link_fd=fds[1])
            if payload is not None:
                return payload

    def _spawn(self, ctl: socket.socket, *, job_fd: int, link_fd: int) -> bytes | None:
        sys.stdout.flush()
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            ctl.close()
            ours.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                payload = _keeper(
                    self.role,
                    self.isolate,
                    self.seccomp,
                    job_fd=job_fd,
                    link_fd=link_fd,
                    mapper=theirs,
                )
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
                os._exit(70)
            if payload is None:
                os._exit(0)
            return payload
        theirs.close()
        os.close(job_fd)
        os.close(link_fd)
        if self.isolate:
            _map_ids(pid, ours, uid=self.ids[0], gid=self.ids[1])
        ours.close()
        return None

    def _fork_kata_zygote(self, ctl: socket.socket, *, kata_fd: int, job_fd: int) -> None:
        """A child that collects one reviewed kata's tests (read on `job_fd`) once, then
        forks a worker per "spawn" request on `kata_fd`."""
        sys.stdout.flush()
        pid = os.fork()
        if pid != 0:
            os.close(kata_fd)
            os.close(job_fd)
            return
        try:
            ctl.close()
            from graders._inside.harness import kata

            kata.serve(socket.socket(fileno=kata_fd), job_fd, self)
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(70)
        # The kata zygote ends in its pytest session; a worker it forked, here.
        sys.stdout.flush()
        os._exit(0)


def _uncover_proc() -> None:
    """As root, bubblewrap covers parts of /proc; a user namespace may then mount no proc.

    The kernel lets a user namespace mount proc only where one is already fully visible, so
    the zygote, still privileged, replaces bubblewrap's with a plain one of its PID namespace.
    """
    _check(_libc.umount2(b"/proc", _MNT_DETACH), "umount /proc")
    _mount("proc", "/proc", "proc", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC, None)


def _preload(role: str, isolate: bool) -> Any:
    """Import and warm up what the role uses, so each forked worker starts ready."""
    import numpy  # noqa: F401 - pre-imported so candidates and tests get it for free

    seccomp = None
    if isolate:
        from graders._inside.seccomp import Filter

        seccomp = Filter()
    if role == "harness":
        from graders._inside.harness import runner

        runner.warm_up()
    else:
        from graders import sqlkata  # noqa: F401 - SQL submissions import it; graders is hidden
        from graders._inside import candidate

        candidate.warm_up()
    # Keep the collector away from the preloaded objects, so forked workers share their pages.
    gc.freeze()
    return seccomp


def _keeper(
    role: str, isolate: bool, seccomp: Any, *, job_fd: int, link_fd: int, mapper: socket.socket
) -> bytes | None:
    """Watch one worker to its end (None); in the forked worker, return its job."""
    limits = _CEILINGS[role]
    scratch = "/tmp"
    if isolate:
        _enter_namespaces(mapper)
        _mount("none", "/", None, _MS_REC | _MS_PRIVATE, None)
        options = f"size={limits['tmpfs_mb']}m,nr_inodes=4096,mode=0700"
        options += f",uid={WORKER_ID},gid={WORKER_ID}"
        _mount("tmpfs", scratch, "tmpfs", _MS_NOSUID | _MS_NODEV, options)
        if role == "candidate":
            # The candidate's view keeps the interpreter and site-packages, not our code. The
            # mount is locked in a user namespace (no unmounting it), so cover it instead.
            flags = _MS_RDONLY | _MS_NOSUID | _MS_NODEV | _MS_NOEXEC
            _mount("tmpfs", GRADERS_MOUNT, "tmpfs", flags, "size=4k,nr_inodes=1,mode=0555")
    else:
        import tempfile

        scratch = tempfile.mkdtemp(prefix=f"katabank-{role}-")
    ctrl, worker_ctrl = socket.socketpair()
    out_r, out_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(job_fd)
            ctrl.close()
            os.close(out_r)
            payload = _worker(role, seccomp, scratch, worker_ctrl.detach(), out_w, link_fd)
        except BaseException:
            # Goes to the worker's output once its fds are arranged, else the zygote's stderr.
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(70)
        if payload is None:
            os._exit(0)
        return payload
    worker_ctrl.close()
    os.close(out_w)
    os.close(link_fd)
    try:
        _Watch(pid, isolate=isolate, job_fd=job_fd, ctrl_fd=ctrl.detach(), out_r=out_r).run()
    finally:
        if not isolate:
            import shutil

            shutil.rmtree(scratch, ignore_errors=True)
    return None


def _enter_namespaces(mapper: socket.socket) -> None:
    """A fresh user namespace owning fresh mount, PID, IPC, network and UTS namespaces.

    Only a process outside the new user namespace may map a uid other than its own into
    it, so the zygote writes the maps (`_map_ids`) while the keeper waits.
    """
    flags = _CLONE_NEWUSER | _CLONE_NEWNS | _CLONE_NEWPID | _CLONE_NEWIPC
    _check(_libc.unshare(flags | _CLONE_NEWNET | _CLONE_NEWUTS), "unshare")
    mapper.sendall(b"u")
    if mapper.recv(1) != b"m":
        raise OSError("the zygote did not map the keeper's ids")
    mapper.close()


def _map_ids(pid: int, keeper: socket.socket, *, uid: int, gid: int) -> None:
    """Map WORKER_ID to the host's `uid` and `gid` in the keeper's new user namespace."""
    if keeper.recv(1) != b"u":
        return  # the keeper could not unshare: it reports that itself
    try:
        if os.geteuid() != 0:
            # Without CAP_SETGID, a gid map needs setgroups refused in the namespace first.
            _write(f"/proc/{pid}/setgroups", "deny")
        _write(f"/proc/{pid}/gid_map", f"{WORKER_ID} {gid} 1")
        _write(f"/proc/{pid}/uid_map", f"{WORKER_ID} {uid} 1")
    except OSError:
        traceback.print_exc()
        sys.stderr.flush()
        return
    keeper.sendall(b"m")


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="ascii") as handle:
        handle.write(text)


class _Watch:
    """The keeper's loop: relay the job in, collect output and reports, report the exit."""

    def __init__(self, pid: int, *, isolate: bool, job_fd: int, ctrl_fd: int, out_r: int) -> None:
        self.pid, self.isolate = pid, isolate
        self.job_fd, self.ctrl_fd, self.out_r = job_fd, ctrl_fd, out_r
        self.output = bytearray()
        self.output_cap = 64 * 1024
        self.output_strict = False
        self.output_exceeded = False
        self.output_bytes = 0
        self.reports: list[bytes] = []
        self.report_bytes = 0
        self.killed = False
        self.pidfd = -1
        self.poller = select.poll()
        self.open_fds = {job_fd, ctrl_fd, out_r}

    def run(self) -> None:
        pidfd = self.pidfd = os.pidfd_open(self.pid)
        for fd in (*self.open_fds, pidfd):
            self.poller.register(fd, select.POLLIN)
        send(self.job_fd, Status.READY)
        exited = False
        while not exited:
            for fd, _event in self.poller.poll():
                if fd == pidfd:
                    exited = True
                elif fd == self.out_r:
                    self._take_output()
                elif fd == self.ctrl_fd:
                    self._take_report()
                else:
                    self._take_order()
        _pid, status, usage = os.wait4(self.pid, 0)
        if not self.isolate:
            self._kill()
        # Output and reports may still be buffered. In a PID namespace every writer died with
        # the worker, so reading to the end is safe; without one, a straggler gets a second.
        self._stop(self.job_fd)
        self.poller.unregister(pidfd)
        while {self.out_r, self.ctrl_fd} & self.open_fds:
            ready = self.poller.poll(None if self.isolate else 1000)
            if not ready:
                break
            for fd, _event in ready:
                if fd == self.out_r:
                    self._take_output()
                else:
                    self._take_report()
        exit_info: ExitInfo = {
            "status": status,
            "killed": self.killed,
            "cpu": usage.ru_utime + usage.ru_stime,
            "maxrss_kb": usage.ru_maxrss,
            "output": bytes(self.output),
            "output_bytes": self.output_bytes,
            "output_exceeded": self.output_exceeded,
            "reports": self.reports,
        }
        with contextlib.suppress(OSError):
            send(self.job_fd, Status.EXIT, exit_info)

    def _stop(self, fd: int) -> None:
        if fd in self.open_fds:
            self.poller.unregister(fd)
            self.open_fds.discard(fd)

    def _take_output(self) -> None:
        chunk = os.read(self.out_r, 65536)
        self.output_bytes += len(chunk)
        self.output += chunk[: max(0, self.output_cap - len(self.output))]
        if not chunk:
            self._stop(self.out_r)
        elif self.output_strict and self.output_bytes > self.output_cap and not self.killed:
            # Printing past the limit ends the run, like any other limit.
            self.output_exceeded = True
            self._take_order_kill()

    def _take_report(self) -> None:
        frame = _read_or_none(self.ctrl_fd)
        if frame is None or self.report_bytes + len(frame) > REPORT_LIMIT:
            self._stop(self.ctrl_fd)
            return
        self.reports.append(frame)
        self.report_bytes += len(frame)

    def _take_order(self) -> None:
        frame = _read_or_none(self.job_fd)
        try:
            kind, fields = unpack(frame, Order) if frame else (Order.KILL, ())
        except ProtocolError:
            kind, fields = Order.KILL, ()
        if kind is Order.JOB:
            output_cap, strict, payload = fields
            self.output_cap, self.output_strict = int(output_cap), bool(strict)
            with contextlib.suppress(OSError):
                write_frame(self.ctrl_fd, payload)
        else:
            self._take_order_kill()
        if frame is None:
            self._stop(self.job_fd)

    def _take_order_kill(self) -> None:
        if not self._exited():
            self.killed = True
            self._kill()

    def _exited(self) -> bool:
        return bool(select.select([self.pidfd], [], [], 0)[0])

    def _kill(self) -> None:
        # PID 1 of a namespace takes the namespace with it; without one, kill the session.
        with contextlib.suppress(ProcessLookupError):
            if self.isolate:
                os.kill(self.pid, signal.SIGKILL)
            else:
                os.killpg(self.pid, signal.SIGKILL)


def _read_or_none(fd: int) -> bytes | None:
    try:
        return read_frame(fd)
    except (OSError, ProtocolError):
        return None


def _worker(
    role: str, seccomp: Any, scratch: str, ctrl_fd: int, out_w: int, link_fd: int
) -> bytes | None:
    """Become the sandboxed worker: own /proc, own uid, limits; then read the job (None: no
    job, the grading was called off)."""
    os.setsid()
    if seccomp is not None:
        _mount("proc", "/proc", "proc", _MS_NOSUID | _MS_NODEV | _MS_NOEXEC, None)
    _arrange_fds(ctrl_fd, out_w, link_fd)
    os.chdir(scratch)
    os.umask(0o077)
    limits = _CEILINGS[role]
    megabyte = 1024 * 1024
    for which, value in (
        (resource.RLIMIT_NPROC, limits["nproc"]),
        (resource.RLIMIT_NOFILE, limits["nofile"]),
        (resource.RLIMIT_FSIZE, limits["fsize_mb"] * megabyte),
        (resource.RLIMIT_AS, limits["as_mb"] * megabyte),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(which, (value, value))
    if seccomp is not None:
        _become_worker()
    _check(_libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    _check(_libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "pdeathsig")
    if seccomp is not None:
        seccomp.load()
    return read_frame(WORKER_CTRL_FD)


def _become_worker() -> None:
    """WORKER_ID, no supplementary groups where they can be dropped, and no capabilities.

    The user namespace gave its creator every capability in it, and a uid change inside it
    does not take them away, so they are cleared explicitly.
    """
    with contextlib.suppress(PermissionError):  # setgroups is refused without root outside
        os.setgroups([])
    os.setresgid(WORKER_ID, WORKER_ID, WORKER_ID)
    os.setresuid(WORKER_ID, WORKER_ID, WORKER_ID)
    header = _CapHeader(_CAPABILITY_VERSION_3, 0)
    nothing = (_CapData * 2)()
    _check(_libc.capset(ctypes.byref(header), nothing), "capset")


def _arrange_fds(ctrl_fd: int, out_w: int, link_fd: int) -> None:
    high = [os.dup(fd) for fd in (ctrl_fd, out_w, link_fd)]
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(high[1], 1)
    os.dup2(high[1], 2)
    os.dup2(high[0], WORKER_CTRL_FD)
    os.dup2(high[2], WORKER_LINK_FD)
    os.closerange(WORKER_LINK_FD + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])


if __name__ == "__main__":
    main()
