"""Running part of the suite as an ordinary user while the suite itself runs as root (CI).

The child cannot simply be started as that user: the project's interpreter may sit under a
folder only root may enter (pyenv under /root). So it starts in a mount namespace of its own
(the host sees no change) where each such folder is covered by an empty, world-readable tmpfs
with the interpreter, venv and project bound back into it, and where var/ is a tmpfs the user
owns (for a database or the hostile tests' secret); then setpriv drops to the user, with no
groups and no capabilities, prints its uid and execs the command.

    ordinary_user() -> pwd.struct_passwd       `katabank-test`, created on first use
    as_user(user, hold, command) -> list[str]  argv: run `command` as `user` that way
    ENVIRONMENT                                a plain environment for it
"""

from __future__ import annotations

import pwd
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

__all__ = ["ENVIRONMENT", "PROJECT", "USER", "VAR", "as_user", "ordinary_user"]

PROJECT = Path(__file__).resolve().parent.parent
VAR = PROJECT / "var"
USER = "katabank-test"
ENVIRONMENT = {
    "PATH": "/usr/bin:/bin:/usr/sbin:/sbin",
    "LANG": "C.UTF-8",
    "HOME": "/tmp",
    "PYTHONDONTWRITEBYTECODE": "1",
}


def ordinary_user() -> pwd.struct_passwd:
    """The test user, created on first use."""
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
            check=True,
        )
        return pwd.getpwnam(USER)


def _closed_folder(path: Path) -> Path | None:
    """The first folder on the way to `path` that others may not enter, if any."""
    for folder in [*reversed(path.parents), path]:
        if folder.is_dir() and not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    return None


def as_user(user: pwd.struct_passwd, hold: Path, command: list[str]) -> list[str]:
    """The argv running `command` in the project folder as `user`; its first output line is
    the uid it runs as. `hold` is an empty folder for the shell script and bind mounts."""
    if shutil.which("unshare") is None or shutil.which("setpriv") is None:
        pytest.fail("util-linux's unshare and setpriv are needed to run the tests as a user")
    needed = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), PROJECT}
    lines = ["set -eu"]
    for closed in sorted({c for path in needed if (c := _closed_folder(path)) is not None}):
        inside = sorted(path for path in needed if closed in path.parents)
        for index, path in enumerate(inside):
            lines.append(f"mkdir -p {hold}/{index} && mount --rbind {path} {hold}/{index}")
        lines.append(f"mount -t tmpfs -o mode=0755,size=1m katabank-open {closed}")
        for index, path in enumerate(inside):
            lines.append(f"mkdir -p {path} && mount --move {hold}/{index} {path}")
    lines.append(f"mkdir -p {VAR}")
    lines.append(
        f"mount -t tmpfs -o mode=0700,uid={user.pw_uid},gid={user.pw_gid} katabank-var {VAR}"
    )
    then = f"id -u && exec {shlex.join(command)}"
    lines.append(
        f"cd {PROJECT} && exec setpriv --reuid={user.pw_uid} --regid={user.pw_gid} --clear-groups"
        f" --inh-caps=-all --bounding-set=-all -- sh -c {shlex.quote(then)}"
    )
    hold.mkdir(parents=True, exist_ok=True)
    script = hold / "as-user.sh"
    script.write_text("\n".join(lines) + "\n")
    return ["unshare", "--mount", "--propagation", "private", "sh", str(script)]
