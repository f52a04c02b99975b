"""The database engine, sessions and schema migrations (Alembic, configured in code)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import psycopg
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.pool import StaticPool
from sqlmodel import create_engine

__all__ = [
    "MIGRATIONS_DIR",
    "alembic_config",
    "downgrade",
    "include_object",
    "make_engine",
    "transient",
    "upgrade",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Postgres errors worth a retry (SQLSTATE): the server going away or refusing connections for
# now, a transaction that lost a race (serialization, deadlock) or waited too long for a lock.
_TRANSIENT_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03"})
# SQLite's primary result codes SQLITE_BUSY and SQLITE_LOCKED: another connection is writing.
_SQLITE_BUSY_OR_LOCKED = frozenset({5, 6})
# A pooled server connection idle this long is pinged before use (see `_ping_when_idle`).
PING_AFTER_IDLE_SECONDS = 1.0


def make_engine(url: str, *, pool_size: int = 5) -> Engine:
    """An engine for `url` keeping up to `pool_size` connections open (as many again are
    opened in a burst and closed after); a SQLite file's folder is created when missing, and
    an in-memory SQLite database (`sqlite://`) is one connection every thread shares.

    A web process runs up to 40 requests at once in its thread pool, each holding one
    connection at a time: a pool much smaller than that opens and closes a connection (and,
    on SQLite, sets its pragmas) on most requests under load.
    """
    parsed = make_url(url)
    pool: dict[str, Any] = {"pool_size": pool_size, "max_overflow": pool_size}
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, **pool)
        _ping_when_idle(engine)
        return engine
    if parsed.database in (None, "", ":memory:") or parsed.query.get("mode") == "memory":
        # An in-memory database lives and dies with its connection: every thread shares one.
        pool = {"poolclass": StaticPool}
    else:
        Path(parsed.database or "").parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **pool)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def transient(exc: DBAPIError) -> bool:
    """Whether a database error is a moment's trouble (down, restarting, locked, a lost race)
    that the same request may get past later, rather than a bug or a broken schema."""
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    if isinstance(orig, psycopg.Error):
        # No SQLSTATE: the client's own failure, to connect or to reach the server mid-query.
        sqlstate = orig.sqlstate
        return sqlstate is None or sqlstate.startswith("08") or sqlstate in _TRANSIENT_SQLSTATES
    if isinstance(orig, sqlite3.Error):
        return orig.sqlite_errorcode & 0xFF in _SQLITE_BUSY_OR_LOCKED  # extended codes too
    return False


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection before use only when it sat idle PING_AFTER_IDLE_SECONDS.

    SQLAlchemy's `pool_pre_ping` pings on every checkout: a round trip per session, two per
    page (the login lookup's and the route's), which at saturation cost more than the pages'
    own queries. A connection used a moment ago is as good as a ping; one that has idled may
    have been closed by the server (a restart, an idle timeout) and is replaced. A restart
    within that time of a connection's last use fails one request, which gets a 503 and
    invalidates the pool (SQLAlchemy does that on any disconnect), so the next one succeeds.
    """
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _note_idle(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return  # new (just connected), or used a moment ago
        try:
            alive = dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError("an idle pooled connection is gone") from exc
        if not alive:
            raise DisconnectionError("an idle pooled connection is gone")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers go on while a request writes; foreign keys are off by default in SQLite.
    # In WAL mode synchronous=NORMAL is safe (the database cannot be corrupted; a power cut
    # may lose the last commits, not tear them) and commits without an fsync each.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    """Alembic's configuration, built here rather than in an alembic.ini at the repository root."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Whether Alembic compares this object with the models: not procrastinate's own tables,
    which come from its schema (migration 0004)."""
    return not (type_ == "table" and (name or "").startswith("procrastinate_"))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision` (the latest by default)."""
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Step the schema back to `revision` ("base" for none)."""
    command.downgrade(alembic_config(engine), revision)
