"""Pooled Postgres connections: pinged only after idling, replaced when the server ended them,
and a page on a connection the server just closed gets a 503, never a 500."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from server import db
from server.app import create_app
from server.config import Settings
from tests.factories import login, make_user


@pytest.fixture
def engine(postgres_url: str) -> Iterator[Engine]:
    engine = db.make_engine(postgres_url)
    yield engine
    engine.dispose()


def _backend(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _end_other_backends(postgres_url: str) -> int:
    """Terminate every other session on the test database, as a server restart would."""
    url = make_url(postgres_url).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return len(rows)


def _count_pings(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A spy on the dialect's real ping."""
    pings: list[int] = []
    real = engine.dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        pings.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return pings


def test_a_connection_used_a_moment_ago_is_not_pinged_one_that_idled_is(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.3)
    pings = _count_pings(engine, monkeypatch)
    first = _backend(engine)  # a new connection: nothing to ping
    assert [_backend(engine) for _ in range(5)] == [first] * 5
    assert pings == []
    time.sleep(0.4)
    assert _backend(engine) == first
    assert pings == [1]


def test_an_idle_connection_the_server_ended_is_replaced_before_use(
    engine: Engine, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.2)
    first = _backend(engine)
    assert _end_other_backends(postgres_url) == 1
    time.sleep(0.3)
    second = _backend(engine)
    assert second != first


def test_a_page_on_a_connection_the_server_just_closed_gets_a_503_then_works(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Never pinged here: the restart falls within the moment a used connection is trusted.
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 3600.0)
    engine = db.make_engine(postgres_url)
    db.upgrade(engine)
    make_user(engine, "alice")
    engine.dispose()
    app = create_app(Settings(database_url=postgres_url))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        login(client)
        assert client.get("/questions").status_code == 200
        assert _end_other_backends(postgres_url) >= 1
        refused = client.get("/questions")
        assert refused.status_code == 503, refused.text
        assert refused.headers["retry-after"] == "5"
        assert "could not reach its database" in refused.text
        # SQLAlchemy dropped the pool's connections at the first disconnect: pages work again.
        assert client.get("/questions").status_code == 200
        assert client.get("/api/katas").status_code == 200
        assert _end_other_backends(postgres_url) >= 1
        api = client.get("/api/katas")
        assert api.status_code == 503
        assert "could not reach its database" in api.json()["detail"]
        assert client.get("/api/katas").status_code == 200
