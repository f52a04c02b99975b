"""How a zygote starts: inside bubblewrap, or as a bare interpreter when explicitly unsafe.

The sandbox sees a read-only /usr, the interpreter's own prefix (bound at its own path, so
the shared-library build finds libpython; the rest of its parent folders stays hidden),
site-packages at /opt/site and the `graders` package at /opt/katabank/graders. It has no
network, its own PID, IPC and UTS namespaces, a private /tmp and a clean environment;
nothing of the project, its database, katas/ or the user's home is visible.

As an ordinary user, bubblewrap runs in its normal mode: in a user namespace of its own,
with no capabilities outside it. As root it runs without one and keeps only CAP_SETUID and
CAP_SETGID, so the zygote can map each grading's user namespace to SANDBOX_HOST_ID rather
than to root, and CAP_SYS_ADMIN, to replace bubblewrap's partly covered /proc once. Either
way each grading gets a user namespace of its own (see graders/_inside/zygote.py), so a
host where unprivileged user namespaces are disabled can only grade as root;
`check_available` says so.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from graders.errors import SandboxUnavailable

__all__ = [
    "SANDBOX_HOST_ID",
    "SITE_MOUNT",
    "check_available",
    "probe_user_namespaces",
    "zygote_command",
]

GRADERS_DIR = Path(__file__).resolve().parent
SITE_MOUNT = "/opt/site"
ZYGOTE_MODULE = "graders._inside.zygote"
# The host uid and gid of every worker when grading as root: no account's, and not root's
# (root is exempt from RLIMIT_NPROC). As an ordinary user, workers run as that user.
SANDBOX_HOST_ID = 1_000_000
_ROOT_CAPABILITIES = ("CAP_SETUID", "CAP_SETGID", "CAP_SYS_ADMIN")
_ADVICE = "to grade your own code without isolation, pass --unsafe-no-sandbox"
# What a keeper does first: a user namespace owning new mount, PID, IPC, network, UTS ones.
_USERNS_PROBE = (
    "import ctypes, os, sys\n"
    "libc = ctypes.CDLL(None, use_errno=True)\n"
    "if libc.unshare(0x10000000 | 0x20000 | 0x20000000 | 0x8000000 | 0x40000000 | 0x4000000):\n"
    "    sys.exit(os.strerror(ctypes.get_errno()))\n"
)
_USERNS_SETTINGS = (
    (
        "/proc/sys/kernel/unprivileged_userns_clone",
        "0",
        "sysctl -w kernel.unprivileged_userns_clone=1",
    ),
    ("/proc/sys/user/max_user_namespaces", "0", "sysctl -w user.max_user_namespaces=15000"),
    (
        "/proc/sys/kernel/apparmor_restrict_unprivileged_userns",
        "1",
        "allow bwrap in AppArmor, or sysctl -w kernel.apparmor_restrict_unprivileged_userns=0",
    ),
)


def check_available() -> None:
    """Raise SandboxUnavailable, saying why and what to do, unless this host can sandbox."""
    if not sys.platform.startswith("linux"):
        raise SandboxUnavailable(f"sandboxed grading needs Linux namespaces; {_ADVICE}")
    if shutil.which("bwrap") is None:
        raise SandboxUnavailable(
            f"bubblewrap (bwrap) is not installed: run scripts/system-deps; {_ADVICE}"
        )
    problem = probe_user_namespaces(shutil.which("bwrap") or "bwrap")
    if problem:
        raise SandboxUnavailable(f"{problem}; {_ADVICE}")


@functools.cache
def probe_user_namespaces(bwrap: str) -> str:
    """Why this host cannot give each grading its own user namespace; "" when it can.

    Asked once per process (per bubblewrap): the answer costs a bubblewrap start.
    """
    command = [bwrap, *_bwrap()[1:], "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    command += [os.path.realpath(sys.executable), "-I", "-c", _USERNS_PROBE]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not be started: {exc}"
    if result.returncode == 0:
        return ""
    said = (result.stderr.strip().splitlines() or ["no reason given"])[-1]
    fixes = [fix for path, off, fix in _USERNS_SETTINGS if _read(path) == off]
    fix = f" (to fix: {'; '.join(fixes)})" if fixes else ""
    return (
        "user namespaces are disabled on this host, and each grading needs one to grade as an"
        f" ordinary user: {said}{fix}"
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text().strip()
    except OSError:
        return ""


def _bwrap() -> list[str]:
    command = [shutil.which("bwrap") or "bwrap"]
    if os.geteuid() == 0:
        for capability in _ROOT_CAPABILITIES:
            command += ["--cap-add", capability]
    else:
        command.append("--unshare-user")
    command += ["--unshare-pid", "--unshare-ipc", "--unshare-net", "--unshare-uts"]
    return [*command, "--unshare-cgroup-try", "--die-with-parent", "--new-session"]


def zygote_command(role: str, *, isolate: bool, ctl_fd: int) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that start a zygote for `role`."""
    python = os.path.realpath(sys.executable)
    site = sysconfig.get_paths()["purelib"]
    root = os.geteuid() == 0
    ids = f"{SANDBOX_HOST_ID}:{SANDBOX_HOST_ID}" if root else f"{os.geteuid()}:{os.getegid()}"
    tail = [python, "-s", "-m", ZYGOTE_MODULE, role, "1" if isolate else "0", str(ctl_fd), ids]
    if not isolate:
        path = os.pathsep.join([str(GRADERS_DIR.parent), site])
        return tail, _environment(path)
    bwrap = _bwrap()
    bwrap += ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib64", "lib32", "libx32"):
        top = Path("/") / name
        if top.is_symlink():
            bwrap += ["--symlink", os.readlink(top), str(top)]
        elif top.is_dir():
            bwrap += ["--ro-bind", str(top), str(top)]
    binds = [(sys.base_prefix, sys.base_prefix), (site, SITE_MOUNT)]
    binds += [(str(GRADERS_DIR), "/opt/katabank/graders")]
    # bubblewrap makes missing parents mode 0700; the workers' uid must traverse them.
    parents = sorted({str(p) for _, target in binds for p in Path(target).parents} - {"/"})
    for parent in parents:
        bwrap += ["--perms", "0755", "--dir", parent]
    for source, target in binds:
        bwrap += ["--ro-bind", source, target]
    bwrap += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    bwrap += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--chdir", "/tmp"]
    # As an ordinary user the sandbox's own root and /dev belong to the workers' host uid:
    # read-only, nothing written there outlives a grading or reaches the next one.
    bwrap += ["--remount-ro", "/dev", "--remount-ro", "/"]
    return bwrap + tail, _environment(f"/opt/katabank:{SITE_MOUNT}")


def _environment(python_path: str) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
        "PYTHONPATH": python_path,
        # One hash seed for every worker: set iteration order, hence grading, is repeatable.
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
