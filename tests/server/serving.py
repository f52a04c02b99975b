"""`katabank serve` on a free loopback port, for tests that need a real server (concurrency).

serve(root, database_url, name, workers=1, **settings) -> Server   a context manager;
               `workers` web processes; `settings` are KATABANK_* values, e.g. queued_max=1
login_client(url, username) -> httpx.Client             logged in, sending its CSRF header
create_users(database_url, names)                       accounts straight in the database
rows(database_url) -> list[Submission]                  every submission, oldest first
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sqlmodel import Session, col, select

from server import accounts, db
from server.config import PROJECT_ROOT
from server.models import Submission
from tests.factories import PASSWORD, free_port, stop

__all__ = ["Server", "create_users", "form_token", "login_client", "rows", "serve"]

LOG_LINES_ON_FAILURE = 60


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    database_url: str


@contextmanager
def serve(
    root: Path, database_url: str, name: str, workers: int = 1, **settings: object
) -> Iterator[Server]:
    """`katabank serve` on a free loopback port; stopped (if still running) on the way out."""
    port = free_port()
    env = {
        **os.environ,
        "KATABANK_DATABASE_URL": database_url,
        "KATABANK_QUESTIONS_DIR": str(root / "questions"),
        "KATABANK_KATAS_DIR": str(PROJECT_ROOT / "katas"),
        **{f"KATABANK_{key.upper()}": str(value) for key, value in settings.items()},
    }
    log = root / f"{name}.log"
    katabank = Path(sys.executable).parent / "katabank"
    workers_args = ["--workers", str(workers)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(katabank), "serve", "--host", "127.0.0.1", "--port", str(port), *workers_args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log, database_url)
    try:
        _wait_until_up(server)
        yield server
    except BaseException:
        # When a test of a real server fails, what the server wrote is the first thing to read
        # (pytest shows it under the test's captured stderr).
        lines = log.read_text(errors="replace").splitlines()[-LOG_LINES_ON_FAILURE:]
        print(f"--- the last lines of {log.name} ---", *lines, sep="\n", file=sys.stderr)
        raise
    finally:
        stop(process, timeout=30)


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"katabank serve exited:\n{server.log.read_text()}")
        try:
            if httpx.get(server.url + "/login", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail(f"katabank serve did not answer within 60 s:\n{server.log.read_text()}")


def create_users(database_url: str, names: list[str]) -> None:
    """Accounts made straight in the server's database (quicker than the form)."""
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session:
            for name in names:
                accounts.create_user(session=session, username=name, password=PASSWORD)
    finally:
        engine.dispose()


def form_token(client: httpx.Client, path: str = "/login") -> str:
    """The CSRF token in the form at `path` (the client keeps the cookie it belongs to)."""
    field = HTMLParser(client.get(path).text).css_first("input[name=csrf_token]")
    assert field is not None, f"no CSRF field on {path}"
    return field.attributes["value"] or ""


def login_client(url: str, username: str) -> httpx.Client:
    """A client logged in as `username` through the login form, sending its CSRF header."""
    client = httpx.Client(base_url=url, timeout=60)
    form = {"csrf_token": form_token(client), "username": username, "password": PASSWORD}
    assert client.post("/login", data=form).status_code == 303
    client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]
    return client


def rows(database_url: str) -> list[Submission]:
    """Every submission in the server's database, oldest first."""
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session:
            return list(session.exec(select(Submission).order_by(col(Submission.id))).all())
    finally:
        engine.dispose()
