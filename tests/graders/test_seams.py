"""The engine's seams: what runs outside the sandbox never loads what runs inside it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

OUTSIDE = (
    "graders",
    "graders.commands",
    "graders.doctor",
    "graders.grading",
    "graders.judge",
    "graders.messages",
    "graders.pool",
    "graders.sandbox",
    "graders.selfcheck",
)


def _loaded_after(*modules: str, prefixes: tuple[str, ...] = ("graders",)) -> list[str]:
    """The modules under `prefixes` a fresh interpreter holds after importing `modules`."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_the_supervisor_side_never_loads_the_sandbox_side() -> None:
    loaded = _loaded_after(*OUTSIDE)
    assert "graders.pool" in loaded and "graders.judge" in loaded
    assert [name for name in loaded if name.startswith("graders._inside")] == []


@pytest.mark.parametrize(
    ("module", "not_loaded"),
    [
        ("graders._inside.candidate", ("graders._inside.zygote", "graders._inside.harness")),
        ("graders._inside.harness.runner", ("graders._inside.zygote", "graders._inside.candidate")),
    ],
)
def test_the_workers_jobs_do_not_import_the_zygote(module: str, not_loaded: tuple[str]) -> None:
    """The zygote imports the jobs, never the reverse: no cycle between them."""
    loaded = _loaded_after(module)
    assert module in loaded
    assert [name for name in loaded if name.startswith(not_loaded)] == []


def test_the_candidates_side_does_not_load_the_test_libraries() -> None:
    """The candidate's worker runs under the kata's memory limit: Hypothesis and pytest
    (about 16 MB) are the harness's, and only the SQL katas' query runner is preloaded."""
    loaded = _loaded_after(
        "graders._inside.candidate", prefixes=("graders", "hypothesis", "pytest", "_pytest")
    )
    assert "graders.sqlkata" in loaded
    assert [name for name in loaded if not name.startswith("graders")] == []
    assert "graders.kit" not in loaded
