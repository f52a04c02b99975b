"""Shared fixtures: each test gets its own database, migrated for real, and its own questions/.

    database_url     a fresh database: a SQLite file, and (the test runs twice) a Postgres
                     database when KATABANK_TEST_POSTGRES_URL is set (see tests/databases.py)
    postgres_url     a fresh Postgres database only; skipped without one, except in CI
    settings         Settings on `database_url` and a temporary copy of the question files
    questions_dir    that copy (tests may add, edit or delete files before the app starts)
    sample_bank      questions_dir holding only factories.SAMPLE_BANK; a module opts in with
                     `pytestmark = pytest.mark.usefixtures("sample_bank")`
    app              create_app(settings), not started
    client           a TestClient with the app started (migrations run, catalog synced)
    engine           the started app's engine, for arranging data directly
    session          a Session on `engine` (expire_on_commit=False), for calling domain functions
    make_user        make_user(username="alice", *, password=PASSWORD, role=Role.candidate)
    user             a candidate "alice" with password factories.PASSWORD
    logged_in        `client`, logged in as `user`
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from hypothesis.database import DirectoryBasedExampleDatabase
from sqlalchemy import Engine
from sqlmodel import Session

from server.app import create_app
from server.config import PROJECT_ROOT, Settings
from server.models import User
from tests.databases import DATABASES, POSTGRES_URL, PostgresServer
from tests.factories import login as _login
from tests.factories import make_user as _make_user
from tests.factories import write_sample_bank

# Hypothesis: CI (which sets CI=true) runs every property on the same derandomised examples
# with no example database, so a run there cannot fail on its own; a local run keeps drawing
# fresh examples and remembering failures in .hypothesis/, so a property that fails locally
# is a bug to fix and pin with @example. Neither has a deadline: time on a shared machine is
# noise, and speed goals live in benchmarks/. Tests do not set these themselves.
hypothesis_settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, print_blob=True
)
# Explicit, because Hypothesis's own defaults change when it sees a CI variable at all.
hypothesis_settings.register_profile(
    "local",
    derandomize=False,
    database=DirectoryBasedExampleDatabase(PROJECT_ROOT / ".hypothesis" / "examples"),
    deadline=None,
    print_blob=True,
)
hypothesis_settings.load_profile(
    "ci" if os.environ.get("CI", "").lower() not in ("", "0", "false") else "local"
)


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    target = tmp_path / "questions"
    target.mkdir()
    for path in (PROJECT_ROOT / "questions").glob("*.md"):
        shutil.copy2(path, target / path.name)
    return target


@pytest.fixture
def sample_bank(questions_dir: Path) -> None:
    write_sample_bank(questions_dir)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if not POSTGRES_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must test Postgres too: set KATABANK_TEST_POSTGRES_URL")
        pytest.skip("KATABANK_TEST_POSTGRES_URL is not set")
    server = PostgresServer(POSTGRES_URL)
    yield server
    server.close()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.fresh()
    yield url
    postgres_server.drop(url)


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        url: str = request.getfixturevalue("postgres_url")
        return url
    return f"sqlite:///{tmp_path / 'katabank.db'}"


@pytest.fixture
def settings(database_url: str, questions_dir: Path) -> Settings:
    return Settings(
        database_url=database_url,
        # Tests grade in-process on Postgres too; the job queue has tests of its own.
        grading_queue="embedded",
        questions_dir=questions_dir,
        katas_dir=PROJECT_ROOT / "katas",
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
def engine(client: TestClient, app: FastAPI) -> Engine:
    engine: Engine = app.state.engine
    return engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def make_user(engine: Engine) -> Callable[..., User]:
    def make(username: str = "alice", **kwargs: Any) -> User:
        return _make_user(engine, username, **kwargs)

    return make


@pytest.fixture
def user(make_user: Callable[..., User]) -> User:
    return make_user()


@pytest.fixture
def logged_in(client: TestClient, user: User) -> TestClient:
    _login(client, user.username)
    return client
