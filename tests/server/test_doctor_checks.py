"""`katabank doctor` also checks the server's side: the database answers at the current
schema, and who grades (on the job queue: that a worker is alive)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server import db
from server.cli import main


def _checks(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    main(["doctor", "--json"])
    return {check["name"]: check for check in json.loads(capsys.readouterr().out)}


def test_a_migrated_database_passes_and_the_embedded_queue_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'ok.db'}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    engine.dispose()
    monkeypatch.setenv("KATABANK_DATABASE_URL", url)
    checks = _checks(capsys)
    assert checks["database"]["ok"] is True
    assert checks["queue"]["ok"] is None and "embedded" in str(checks["queue"]["detail"])


def test_an_unmigrated_database_fails_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KATABANK_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    checks = _checks(capsys)
    assert checks["database"]["ok"] is False
    assert "katabank db upgrade" in str(checks["database"]["fix"])


def test_a_job_queue_without_workers_fails(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = db.make_engine(postgres_url)
    db.upgrade(engine)
    engine.dispose()
    monkeypatch.setenv("KATABANK_DATABASE_URL", postgres_url)
    checks = _checks(capsys)
    assert checks["database"]["ok"] is True
    assert checks["queue"]["ok"] is False and "no `katabank worker`" in str(
        checks["queue"]["detail"]
    )
