"""Nothing a user did is lost when the app restarts on the same database file."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text as sql
from sqlmodel import Session, select

from server.app import create_app
from server.config import Settings
from server.db import make_engine
from server.models import PracticeEvent, User
from tests.factories import login, page, post_form, register, text


def test_accounts_logins_and_events_survive_a_restart(settings: Settings) -> None:
    first = create_app(settings)
    with TestClient(first) as client:
        response = register(client, "heidi")
        assert response.status_code == 303
        session_cookie = client.cookies["katabank_session"]
        question_id = next(iter(first.state.catalog.questions))
        # Recorded by the app itself, as a browser would: not written here behind its back.
        answered = post_form(
            client, "/answer", {"question_id": question_id, "answer": "hi"}, token_from="/answer"
        )
        assert answered.status_code == 303

    second = create_app(settings)
    with TestClient(second) as client:
        # The browser's login is still valid...
        client.cookies.set("katabank_session", session_cookie)
        assert text(page(client.get("/questions")), ".nav-user") == "heidi"
        # ...the password still works from a fresh browser...
    with TestClient(second) as fresh:
        login(fresh, "heidi")
        with Session(second.state.engine) as session:
            events = session.exec(select(PracticeEvent)).all()
            users = session.exec(select(User)).all()
    # ...and the history is intact.
    [user] = users
    assert [
        (event.user_id, event.question_id, event.mode, event.typed_answer) for event in events
    ] == [(user.id, question_id, "answer", "hi")]


def test_a_sqlite_database_is_in_wal_mode_and_the_pool_keeps_its_connections(
    tmp_path: Path,
) -> None:
    # WAL lets pages read while a request writes, and makes synchronous=NORMAL safe (no fsync
    # per commit); a pool as large as the request threads stops reconnecting under load.
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}", pool_size=12)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        held = [engine.connect() for _ in range(12)]
        for connection in held:
            connection.close()
        assert engine.pool.checkedin() == 12  # type: ignore[attr-defined]
    finally:
        engine.dispose()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_sqlite_database_is_one_database_every_thread_shares(url: str) -> None:
    engine = make_engine(url, pool_size=12)  # the size means nothing for one shared connection
    try:
        with engine.begin() as connection:
            assert connection.execute(sql("SELECT 1")).scalar() == 1
            connection.execute(sql("CREATE TABLE note (body TEXT)"))
            connection.execute(sql("INSERT INTO note VALUES ('kept')"))

        def read() -> object:
            with engine.connect() as connection:
                return connection.execute(sql("SELECT body FROM note")).scalar()

        with ThreadPoolExecutor(max_workers=1) as other_thread:
            seen = other_thread.submit(read)
            assert seen.result() == "kept"
    finally:
        engine.dispose()
