"""`katabank serve` run by an ordinary user grades in the sandbox: what `make run` on a fresh
clone does for a self-hoster, minus the set-up (the manual check is in the README).

As root (CI), the server is started as `katabank-test` through tests/unprivileged.py; as an
ordinary user already, it is started as this user. Everything else goes over HTTP, as a
browser would: register through the form, submit a right and a wrong solution, read verdicts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.factories import free_port, stop
from tests.server.serving import form_token
from tests.unprivileged import ENVIRONMENT, VAR, as_user, ordinary_user

RIGHT = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
WRONG = "def intersection(xs, ys):\n    return []\n"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """The URL of `katabank serve` run by an ordinary user, and that user's uid."""
    port = free_port()
    katabank = Path(sys.prefix) / "bin" / "katabank"
    command = [str(katabank), "serve", "--host", "127.0.0.1", "--port", str(port)]
    if os.geteuid() == 0:
        uid = ordinary_user().pw_uid
        database = VAR / "serve.db"  # the user's own tmpfs, in the child's mount namespace
        argv = as_user(ordinary_user(), tmp_path / "hold", command)
    else:
        uid, database, argv = os.geteuid(), tmp_path / "serve.db", command
    env = {**ENVIRONMENT, "KATABANK_DATABASE_URL": f"sqlite:///{database}"}
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"katabank serve did not start:\n{log.read_text()[-4000:]}")
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code in (200, 503):
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        yield url, uid
    finally:
        stop(process, timeout=30)
        if os.geteuid() == 0:
            first = log.read_text().splitlines()[:1]
            assert first == [str(uid)], f"the server did not run as the ordinary user: {first}"


def _verdict(client: httpx.Client, source: str) -> str:
    body = {"kata_id": "intersection", "source": source, "kind": "submit"}
    answer = client.post("/api/submissions", json=body)
    assert answer.status_code == 202, answer.text
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        submission = client.get(answer.json()["url"], params={"wait": 20}).json()
        if submission["status"] == "done":
            return str(submission["verdict"])
    pytest.fail(f"no verdict within 120 s: {submission}")


def test_an_ordinary_user_serving_the_app_grades_in_the_sandbox(
    server: tuple[str, int],
) -> None:
    url, _ = server
    ready = httpx.get(url + "/readyz").json()
    assert ready["checks"]["sandbox"] == "ok", ready
    with httpx.Client(base_url=url, timeout=60) as client:
        form = {
            "csrf_token": form_token(client, "/register"),
            "username": "self-hoster",
            "password": "a long enough password",
        }
        assert client.post("/register", data=form).status_code == 303
        client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]
        assert _verdict(client, RIGHT) == "passed"
        assert _verdict(client, WRONG) == "failed"
