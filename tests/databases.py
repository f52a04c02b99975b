"""Test databases: a fresh SQLite file, or a fresh Postgres database cloned from a template.

`KATABANK_TEST_POSTGRES_URL` names a Postgres the tests may create databases on (`make test`
sets it when the local one answers). Cloning a template that is already at head costs a few
tens of milliseconds, so every test still gets a database of its own.

    DATABASES               ["sqlite"] or ["sqlite", "postgres"]: what the `settings` fixture covers
    PostgresServer(url)     .fresh() -> URL of a new database at head; .drop(url); .close()
"""

from __future__ import annotations

import itertools
import os

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from server import db

__all__ = ["DATABASES", "POSTGRES_URL", "PostgresServer"]

POSTGRES_URL = os.environ.get("KATABANK_TEST_POSTGRES_URL", "")
DATABASES = ["sqlite", "postgres"] if POSTGRES_URL else ["sqlite"]


class PostgresServer:
    """Makes and drops per-test databases, named after this process so parallel runs do not meet."""

    def __init__(self, url: str) -> None:
        self._url = make_url(url)
        self._admin: Engine = create_engine(self._url, isolation_level="AUTOCOMMIT")
        self._prefix = f"katabank_test_{os.getpid()}"
        self._template = f"{self._prefix}_template"
        self._numbers = itertools.count(1)
        self._execute(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        self._execute(f'CREATE DATABASE "{self._template}"')
        engine = db.make_engine(self._url_of(self._template))
        try:
            db.upgrade(engine)
        finally:
            engine.dispose()

    def fresh(self) -> str:
        """A new database, already at head, for one test (a file copy: quick for a small one)."""
        name = f"{self._prefix}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}" STRATEGY FILE_COPY')
        return self._url_of(name)

    def drop(self, url: str) -> None:
        """Drop a database `fresh` made, closing whatever connections a test left open."""
        name = make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        self._admin.dispose()

    def _url_of(self, name: str) -> str:
        return self._url.set(database=name).render_as_string(hide_password=False)

    def _execute(self, statement: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(statement))
