"""How a zygote starts: inside bubblewrap, or as a bare interpreter when explicitly unsafe.

The sandbox sees a read-only /usr, the interpreter's own prefix (bound at its own path, so
the shared-library build finds libpython; the rest of /root stays hidden), site-packages at
/opt/site and the `graders` package at /opt/katabank/graders. It has no network, its own
PID, IPC and UTS namespaces, a private /tmp and a clean environment; nothing of the
project, its database, katas/ or the user's home is visible. bubblewrap runs as root without
a user namespace and keeps only the capabilities the zygote needs to give each worker
fresh namespaces and its own unprivileged uid (see graders/_zygote.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

from graders.errors import SandboxUnavailable

__all__ = ["SITE_MOUNT", "check_available", "zygote_command"]

GRADERS_DIR = Path(__file__).resolve().parent
SITE_MOUNT = "/opt/site"
_CAPABILITIES = ("CAP_SYS_ADMIN", "CAP_SETUID", "CAP_SETGID", "CAP_KILL")
_ADVICE = "to grade your own code without isolation, pass --unsafe-no-sandbox"


def check_available() -> None:
    """Raise SandboxUnavailable, saying why, unless this host can run the sandbox."""
    if not sys.platform.startswith("linux"):
        raise SandboxUnavailable(f"sandboxed grading needs Linux namespaces; {_ADVICE}")
    if shutil.which("bwrap") is None:
        raise SandboxUnavailable(
            f"bubblewrap (bwrap) is not installed: run scripts/system-deps; {_ADVICE}"
        )
    if os.geteuid() != 0:
        raise SandboxUnavailable(
            f"sandboxed grading runs as root, to give each grading its own uid; {_ADVICE}"
        )


def zygote_command(
    role: str, *, isolate: bool, uid_base: int, ctl_fd: int
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that start a zygote for `role`."""
    python = os.path.realpath(sys.executable)
    site = sysconfig.get_paths()["purelib"]
    tail = [python, "-s", "-m", "graders._zygote", role, "1" if isolate else "0"]
    tail += [str(uid_base), str(ctl_fd)]
    if not isolate:
        path = os.pathsep.join([str(GRADERS_DIR.parent), site])
        return tail, _environment(path)
    bwrap = [shutil.which("bwrap") or "bwrap"]
    bwrap += ["--unshare-pid", "--unshare-ipc", "--unshare-net", "--unshare-uts"]
    bwrap += ["--unshare-cgroup-try", "--die-with-parent", "--new-session"]
    for capability in _CAPABILITIES:
        bwrap += ["--cap-add", capability]
    bwrap += ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib64", "lib32", "libx32"):
        top = Path("/") / name
        if top.is_symlink():
            bwrap += ["--symlink", os.readlink(top), str(top)]
        elif top.is_dir():
            bwrap += ["--ro-bind", str(top), str(top)]
    binds = [(sys.base_prefix, sys.base_prefix), (site, SITE_MOUNT)]
    binds += [(str(GRADERS_DIR), "/opt/katabank/graders")]
    # bubblewrap makes missing parents mode 0700; the workers' uids must traverse them.
    parents = sorted({str(p) for _, target in binds for p in Path(target).parents} - {"/"})
    for parent in parents:
        bwrap += ["--perms", "0755", "--dir", parent]
    for source, target in binds:
        bwrap += ["--ro-bind", source, target]
    bwrap += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    bwrap += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--chdir", "/tmp"]
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
