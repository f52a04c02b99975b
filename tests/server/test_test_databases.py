"""The suite covers Postgres where it must: CI may not quietly fall back to SQLite alone."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import inspect

from server import db
from tests.databases import DATABASES, POSTGRES_URL, PostgresServer


def test_ci_runs_the_database_tests_on_postgres_too() -> None:
    if os.environ.get("CI") != "true":
        pytest.skip("only CI must have Postgres")
    assert POSTGRES_URL, "KATABANK_TEST_POSTGRES_URL is unset in CI"
    assert DATABASES == ["sqlite", "postgres"]


def test_each_postgres_test_gets_a_fresh_database_at_head(
    postgres_server: PostgresServer,
) -> None:
    first, second = postgres_server.fresh(), postgres_server.fresh()
    engines = [db.make_engine(first), db.make_engine(second)]
    try:
        with engines[0].begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO kata (id, title, topics, difficulty) VALUES ('k', 't', '[]', 'easy')"
            )
        assert "submission" in inspect(engines[1]).get_table_names()
        with engines[1].connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM kata").scalar() == 0
    finally:
        for engine, url in zip(engines, (first, second), strict=True):
            engine.dispose()
            postgres_server.drop(url)
