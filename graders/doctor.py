"""`katabank doctor`: what this host can do for grading, and what to fix where it cannot.

Each check is a function returning a `Check`. The engine's own (Python, bubblewrap, user
namespaces, seccomp, cgroups, a real grading) are here; the server adds its own (database,
job queue) with `add_check`, so one command covers the whole deployment.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from graders import sandbox
from graders.errors import GraderError

__all__ = ["Check", "add_check", "register", "run_checks"]

MIN_PYTHON = (3, 11)
# Built and loaded in a child process: the filter the workers get, on this architecture.
_SECCOMP_PROBE = "from graders._inside.seccomp import Filter\nFilter().load()\n"


@dataclass(frozen=True)
class Check:
    """One finding: `ok` is True, False (grading is affected) or None (for information)."""

    name: str
    ok: bool | None
    detail: str
    fix: str = ""


_added: list[Callable[[], Check]] = []


def add_check(check: Callable[[], Check]) -> None:
    """Add a check to `katabank doctor` (the server's database and queue, for instance)."""
    if check not in _added:
        _added.append(check)


def run_checks(*, katas_dir: Path | None = None) -> list[Check]:
    """Every check, in order; a check that raises is reported as failed, not raised."""
    checks: list[Callable[[], Check]] = [
        _python,
        _bubblewrap,
        _user_namespaces,
        _seccomp,
        _cgroups,
        lambda: _grading(katas_dir),
        *_added,
    ]
    results = []
    for check in checks:
        try:
            results.append(check())
        except Exception as exc:  # a broken check must not hide the others
            name = getattr(check, "__name__", "check").strip("_")
            results.append(Check(name, False, f"the check itself failed: {exc!r}"))
    return results


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < MIN_PYTHON:
        wanted = ".".join(map(str, MIN_PYTHON))
        return Check("python", False, f"Python {version}", f"use Python >= {wanted}")
    return Check("python", True, f"Python {version} at {sys.executable}")


def _bubblewrap() -> Check:
    path = shutil.which("bwrap")
    if path is None:
        return Check(
            "bubblewrap", False, "bwrap is not installed", "run scripts/system-deps (as root)"
        )
    version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10)
    return Check("bubblewrap", True, f"{version.stdout.strip()} at {path}")


def _user_namespaces() -> Check:
    problem = sandbox.probe_user_namespaces(shutil.which("bwrap") or "bwrap")
    if problem:
        return Check("user namespaces", False, problem, "see the fix above, or grade as root")
    if os.geteuid() == 0:
        detail = (
            "available; running as root: workers run as uid"
            f" {sandbox.SANDBOX_HOST_ID} (an ordinary user is recommended)"
        )
        return Check("user namespaces", True, detail)
    return Check("user namespaces", True, f"available to this user (uid {os.geteuid()})")


def _seccomp() -> Check:
    status = Path("/proc/self/status").read_text()
    if "Seccomp:" not in status:
        return Check("seccomp", False, "this kernel has no seccomp", "use a kernel with seccomp")
    result = subprocess.run(
        [sys.executable, "-c", _SECCOMP_PROBE],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PYTHONPATH": str(sandbox.GRADERS_DIR.parent)},
    )
    if result.returncode != 0:
        said = (result.stderr.strip().splitlines() or ["no reason given"])[-1]
        return Check("seccomp", False, f"cannot build the filter: {said}", "install libseccomp2")
    return Check("seccomp", True, "the workers' filter builds and loads (libseccomp)")


def _cgroups() -> Check:
    controllers = Path("/sys/fs/cgroup/cgroup.controllers")
    kind = "v2" if controllers.exists() else "v1 or none"
    detail = f"cgroup {kind}; not needed: each grading is limited by rlimits in its own namespaces"
    return Check("cgroups", None, detail)


def _grading(katas_dir: Path | None) -> Check:
    from graders.commands import default_katas_dir
    from graders.grading import grade
    from graders.spec import load_katas

    katas, _errors = load_katas(katas_dir or default_katas_dir(), reviewed=True)
    if not katas:
        return Check("grading", None, "no kata to grade a reference solution of")
    kata = katas[0]
    try:
        report = grade(kata, kata.reference)
    except GraderError as exc:
        return Check("grading", False, exc.detail, "fix the checks above first")
    if not report.passed:
        return Check("grading", False, f"{kata.id}'s reference: {report.message}")
    return Check("grading", True, f"{kata.id}'s reference passed in the sandbox")


def register(subcommands: Any) -> None:
    """Add `doctor` to the `katabank` command line."""
    doctor = subcommands.add_parser(
        "doctor",
        help="Check this host: sandbox, seccomp, Python, and what the server adds.",
        epilog="exit status: 0 when nothing failed, 1 otherwise",
    )
    doctor.add_argument("--json", action="store_true", help="print one JSON list of checks")
    doctor.add_argument("--katas-dir", type=Path, default=None, help="katas to grade one of")
    doctor.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    checks = run_checks(katas_dir=args.katas_dir)
    if args.json:
        json.dump([asdict(check) for check in checks], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for check in checks:
            mark = {True: "ok  ", False: "FAIL", None: "info"}[check.ok]
            print(f"{mark} {check.name:16} {check.detail}")
            if check.fix and check.ok is False:
                print(f"     {'':16} fix: {check.fix}")
    return 1 if any(check.ok is False for check in checks) else 0
