"""The sandbox as an ordinary user: the hostile submissions, graded by a non-root process.

CI runs as root, so this test runs the hostile and sandbox-audit tests again as an ordinary
user (`katabank-test`), in a child pytest started through tests/unprivileged.py (a mount
namespace that opens the way to the interpreter, then setpriv). As an ordinary user already,
the whole suite runs that way, so the test is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unprivileged import ENVIRONMENT, as_user, ordinary_user

TESTS = ("tests/graders/test_hostile.py", "tests/graders/test_audit_sandbox.py")

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="already an ordinary user: every sandbox test runs unprivileged"
)


def test_hostile_submissions_are_contained_when_grading_as_an_ordinary_user(
    tmp_path: Path,
) -> None:
    user = ordinary_user()
    python = Path(sys.prefix) / "bin" / "python"
    command = [str(python), "-m", "pytest", *TESTS, "-q", "-p", "no:cacheprovider"]
    result = subprocess.run(
        as_user(user, tmp_path / "hold", command),
        capture_output=True,
        text=True,
        env=ENVIRONMENT,
        timeout=600,
    )
    lines = result.stdout.strip().splitlines() or [""]
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert lines[0] == str(user.pw_uid), "the tests did not run as the ordinary user"
    summary = lines[-1:]
    assert " passed" in summary[0] and "skipped" not in summary[0], summary
