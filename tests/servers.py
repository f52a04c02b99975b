"""Real servers for tests: `katabank serve` subprocesses on loopback, and their users and rows.

serve(root, database_url, name, env=None)  context manager -> Server(url, process, log)
create_users(database_url, names)          candidates with factories.PASSWORD
login(url, username) -> httpx.Client       logged in through the form, sending its CSRF header
rows(database_url) -> list[Submission]     every submission, oldest first
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

__all__ = ["Server", "create_users", "login", "rows", "serve"]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path


@contextmanager
def serve(
    root: Path, database_url: str, name: str, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """`katabank serve` on a free loopback port; stopped (if still running) on the way out."""
    port = free_port()
    env = {
        **os.environ,
        "KATABANK_DATABASE_URL": database_url,
        "KATABANK_QUESTIONS_DIR": str(root / "questions"),
        "KATABANK_KATAS_DIR": str(PROJECT_ROOT / "katas"),
        **(env or {}),
    }
    log = root / f"{name}.log"
    katabank = Path(sys.executable).parent / "katabank"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(katabank), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        wait_until_up(server)
        yield server
    finally:
        stop(process, timeout=30)


def wait_until_up(server: Server) -> None:
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
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session:
            for name in names:
                accounts.create_user(session=session, username=name, password=PASSWORD)
    finally:
        engine.dispose()


def login(url: str, username: str) -> httpx.Client:
    """A client logged in as `username` through the login form, sending its CSRF header."""
    client = httpx.Client(base_url=url, timeout=60)
    body = HTMLParser(client.get("/login").text).css_first("input[name=csrf_token]")
    token = body.attributes["value"] if body is not None else ""
    form = {"csrf_token": token, "username": username, "password": PASSWORD}
    assert client.post("/login", data=form).status_code == 303
    client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]
    return client


def rows(database_url: str) -> list[Submission]:
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session:
            return list(session.exec(select(Submission).order_by(col(Submission.id))).all())
    finally:
        engine.dispose()
