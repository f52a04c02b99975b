"""tests/conftest.py: CI runs Hypothesis derandomised without a database; local runs explore."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from server.config import PROJECT_ROOT

SHOW = (
    "import tests.conftest; from hypothesis import settings; "
    "print(settings.default.derandomize, settings.default.database is None, "
    "settings.default.deadline)"
)


@pytest.mark.parametrize(
    ("ci", "shown"),
    [("true", "True True None"), ("1", "True True None"), ("", "False False None"),
     ("false", "False False None")],
)
def test_ci_profile_is_derandomised(ci: str, shown: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    if ci:
        env["CI"] = ci
    done = subprocess.run(
        [sys.executable, "-c", SHOW], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == shown
