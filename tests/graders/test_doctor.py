"""`katabank doctor`: the host's checks, for real, and the hook the server fills."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from graders import doctor
from tests.graders.test_commands import katabank


@pytest.fixture
def no_added_checks() -> Iterator[None]:
    """Only the engine's own checks (the server adds its own when its CLI is built)."""
    saved = list(doctor._added)
    doctor._added.clear()
    yield
    doctor._added[:] = saved


@pytest.mark.usefixtures("no_added_checks")
def test_on_this_host_every_check_passes_and_a_kata_is_graded(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert katabank("doctor", "--json") == 0
    checks = {check["name"]: check for check in json.loads(capsys.readouterr().out)}
    assert list(checks) == [
        "python",
        "bubblewrap",
        "user namespaces",
        "seccomp",
        "cgroups",
        "grading",
    ]
    assert all(check["ok"] in (True, None) for check in checks.values()), checks
    assert (
        checks["grading"]["ok"] is True and "passed in the sandbox" in checks["grading"]["detail"]
    )


def test_where_bubblewrap_cannot_make_a_user_namespace_doctor_says_so_and_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "bwrap"
    fake.write_text(
        "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'bubblewrap 0.8.0'; exit 0; }\n"
        "echo 'bwrap: No permissions to create new namespace' >&2\nexit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    checks = {check.name: check for check in doctor.run_checks()}
    namespaces = checks["user namespaces"]
    assert namespaces.ok is False
    assert "user namespaces are disabled" in namespaces.detail
    assert "No permissions to create new namespace" in namespaces.detail
    assert katabank("doctor") == 1
    out = capsys.readouterr().out
    assert "FAIL user namespaces" in out and "fix:" in out


def test_the_server_adds_its_checks_through_the_hook(
    no_added_checks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    def database() -> doctor.Check:
        return doctor.Check("database", False, "cannot connect to 127.0.0.1:1", "start it")

    def queue() -> doctor.Check:
        raise RuntimeError("queue check crashed")

    doctor.add_check(database)
    doctor.add_check(queue)
    assert katabank("doctor") == 1
    out = capsys.readouterr().out
    assert "FAIL database         cannot connect to 127.0.0.1:1" in out and "fix: start it" in out
    assert "FAIL queue" in out and "queue check crashed" in out
