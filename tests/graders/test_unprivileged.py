"""The sandbox as an ordinary user: the hostile submissions, graded by a non-root process.

CI runs as root, so this test creates an ordinary user (`katabank-test`, once) and runs the
hostile and sandbox-audit tests again as that user, in a child pytest. The child cannot
simply be started as that user: the project's interpreter may sit under a folder only root
may enter (pyenv under /root). So the child starts in a mount namespace of its own (the host
sees no change) where each such folder is covered by an empty, world-readable tmpfs with the
interpreter, venv and project bound back into it, and where var/ (the hostile tests' secret
database) is a tmpfs the user owns; then setpriv drops to the user, with no groups and no
capabilities, and execs pytest. As an ordinary user already, the whole suite runs that way,
so the test is skipped.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.graders.conftest import KATAS_DIR

PROJECT = KATAS_DIR.parent
USER = "katabank-test"
TESTS = ("tests/graders/test_hostile.py", "tests/graders/test_audit_sandbox.py")

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="already an ordinary user: every sandbox test runs unprivileged"
)


def _ordinary_user() -> pwd.struct_passwd:
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


def _script(user: pwd.struct_passwd, hold: Path) -> str:
    """Shell run as root in a new mount namespace: open the way, then become the user."""
    needed = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), PROJECT.resolve()}
    lines = ["set -eu"]
    for closed in sorted({c for path in needed if (c := _closed_folder(path)) is not None}):
        inside = sorted(path for path in needed if closed in path.parents)
        for index, path in enumerate(inside):
            lines.append(f"mkdir -p {hold}/{index} && mount --rbind {path} {hold}/{index}")
        lines.append(f"mount -t tmpfs -o mode=0755,size=1m katabank-open {closed}")
        for index, path in enumerate(inside):
            lines.append(f"mkdir -p {path} && mount --move {hold}/{index} {path}")
    var = PROJECT / "var"
    lines.append(f"mkdir -p {var}")
    lines.append(
        f"mount -t tmpfs -o mode=0700,uid={user.pw_uid},gid={user.pw_gid} katabank-var {var}"
    )
    python = Path(sys.prefix) / "bin" / "python"
    pytest_args = [str(python), "-m", "pytest", *TESTS, "-q", "-p", "no:cacheprovider"]
    as_user = f"id -u && exec {shlex.join(pytest_args)}"
    lines.append(
        f"cd {PROJECT} && exec setpriv --reuid={user.pw_uid} --regid={user.pw_gid} --clear-groups"
        f" --inh-caps=-all --bounding-set=-all -- sh -c {shlex.quote(as_user)}"
    )
    return "\n".join(lines) + "\n"


def test_hostile_submissions_are_contained_when_grading_as_an_ordinary_user(
    tmp_path: Path,
) -> None:
    if shutil.which("unshare") is None or shutil.which("setpriv") is None:
        pytest.fail("util-linux's unshare and setpriv are needed to run the tests as a user")
    user = _ordinary_user()
    script = tmp_path / "as-user.sh"
    script.write_text(_script(user, tmp_path / "hold"))
    environment = {
        "PATH": "/usr/bin:/bin:/usr/sbin:/sbin",
        "LANG": "C.UTF-8",
        "HOME": "/tmp",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", str(script)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )
    lines = result.stdout.strip().splitlines() or [""]
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert lines[0] == str(user.pw_uid), "the tests did not run as the ordinary user"
    summary = lines[-1:]
    assert " passed" in summary[0] and "skipped" not in summary[0], summary
