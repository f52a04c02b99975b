"""`katabank users create`, `katabank db upgrade` and `katabank serve`'s options."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlmodel import Session, select

from server import accounts, commands, db, logins
from server.models import LoginSession, Role, User


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="katabank")
    commands.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.run(args))


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'var' / 'katabank.db'}"
    monkeypatch.setenv("KATABANK_DATABASE_URL", url)
    return url


def test_db_upgrade_creates_the_database_file(database: str, tmp_path: Path) -> None:
    assert _run(["db", "upgrade"]) == 0
    assert (tmp_path / "var" / "katabank.db").exists()
    assert "user" in inspect(db.make_engine(database)).get_table_names()


def test_users_create_reads_the_password_from_stdin(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret password\n"))
    assert _run(["users", "create", "Ivan", "--role", "admin", "--password-stdin"]) == 0
    assert "created admin 'ivan'" in capsys.readouterr().out
    with Session(db.make_engine(database)) as session:
        user = session.exec(select(User)).one()
    assert user.role == Role.admin
    assert accounts.verify_password(user.password_hash, "s3cret password")


def test_users_create_reports_bad_input(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert _run(["users", "create", "x", "--password-stdin"]) == 1
    err = capsys.readouterr().err
    assert "username: A username has 3 to 40 characters." in err
    assert "password: A password has 8 to 256 characters." in err


def test_users_create_refuses_an_unknown_role(database: str) -> None:
    with pytest.raises(SystemExit):
        _run(["users", "create", "judy", "--role", "superuser", "--password-stdin"])


def test_serve_takes_its_port_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "8123")
    parser = argparse.ArgumentParser(prog="katabank")
    commands.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8123)
    assert parser.parse_args(["serve", "--port", "9000"]).port == 9000


def test_users_reset_password_sets_it_and_ends_every_login(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = db.make_engine(database)
    db.upgrade(engine)
    with Session(engine, expire_on_commit=False) as session:
        user = accounts.create_user(session=session, username="judy", password="old password")
        for _ in range(2):
            logins.start_login(session=session, user=user, policy=logins.SessionPolicy())
    monkeypatch.setattr(sys, "stdin", io.StringIO("brand new password\n"))
    assert _run(["users", "reset-password", "Judy", "--password-stdin"]) == 0
    assert "password of 'judy' reset; 2 login(s) ended" in capsys.readouterr().out
    with Session(engine) as session:
        stored = session.exec(select(User)).one()
        assert session.exec(select(LoginSession)).all() == []
    assert accounts.verify_password(stored.password_hash, "brand new password")
    assert not accounts.verify_password(stored.password_hash, "old password")


def test_users_reset_password_names_an_unknown_user(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["users", "reset-password", "nobody", "--password-stdin"]) == 1
    assert "error: username: there is no account 'nobody'" in capsys.readouterr().err


def test_users_reset_password_refuses_a_short_password(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(["db", "upgrade"])
    with Session(db.make_engine(database)) as session:
        accounts.create_user(session=session, username="judy", password="old password")
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert _run(["users", "reset-password", "judy", "--password-stdin"]) == 1
    assert "password: A password has 8 to 256 characters." in capsys.readouterr().err
