"""The real server (`katabank serve` on loopback) grading in the real sandbox: twenty users
submitting at once, a long poll that leaves other pages alone, and a server killed mid-grading
that grades the pending submission after its restart."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session, select

from server import db
from server.models import Submission, User
from tests.factories import KEEPS_DUPLICATES, RIGHT, wait_until_graded
from tests.server.serving import create_users, login_client, serve
from tests.server.serving import rows as submission_rows

SLOW_BUT_RIGHT = "import time\n\ntime.sleep(2)\n\n" + RIGHT


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "questions").mkdir()
    return tmp_path


def test_twenty_users_submitting_at_once_are_all_graded_each_to_its_user(root: Path) -> None:
    database_url = f"sqlite:///{root / 'katabank.db'}"
    names = [f"user{number:02}" for number in range(20)]
    with serve(root, database_url, "server") as server:
        create_users(database_url, names)
        clients = {name: login_client(server.url, name) for name in names}
        # Even users are right, odd users keep duplicates; each signs the code with its name.
        sources = {
            name: (RIGHT if number % 2 == 0 else KEEPS_DUPLICATES) + f"# by {name}\n"
            for number, name in enumerate(names)
        }
        start = threading.Barrier(len(names))
        created: dict[str, int] = {}

        def submit(name: str) -> None:
            body = {"kata_id": "intersection", "source": sources[name], "kind": "run"}
            start.wait(timeout=60)
            response = clients[name].post("/api/submissions", json=body)
            assert response.status_code == 202, response.text
            created[name] = response.json()["id"]

        threads = [threading.Thread(target=submit, args=(name,)) for name in names]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert sorted(created) == names

        for number, name in enumerate(names):
            client = clients[name]
            graded = wait_until_graded(client, created[name], polls=10)
            assert graded["source"] == sources[name]
            assert graded["verdict"] == ("passed" if number % 2 == 0 else "failed")
            assert [item["id"] for item in client.get("/api/submissions").json()] == [created[name]]
            client.close()

    rows = submission_rows(database_url)
    assert len(rows) == 20
    users = _usernames(database_url)
    for row in rows:
        assert row.status == "done"
        assert row.source.endswith(f"# by {users[row.user_id]}\n")


def _usernames(database_url: str) -> dict[int | None, str]:
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session:
            return {user.id: user.username for user in session.exec(select(User)).all()}
    finally:
        engine.dispose()


def test_a_long_poll_leaves_other_pages_answering(root: Path) -> None:
    database_url = f"sqlite:///{root / 'katabank.db'}"
    with serve(root, database_url, "server") as server:
        create_users(database_url, ["waiter"])
        client = login_client(server.url, "waiter")
        # Stored after start-up and never queued, so it stays queued: the poll waits it out.
        engine = db.make_engine(database_url)
        with Session(engine, expire_on_commit=False) as session:
            user = session.exec(select(User)).one()
            assert user.id is not None
            row = Submission(user_id=user.id, kata_id="intersection", kind="run", source=RIGHT)
            session.add(row)
            session.commit()
        engine.dispose()
        answers: list[dict[str, Any]] = []
        poll = threading.Thread(
            target=lambda: answers.append(client.get(f"/api/submissions/{row.id}?wait=20").json())
        )
        poll.start()
        try:
            other = httpx.Client(base_url=server.url, timeout=60)
            for path in ("/login", "/register", "/login"):
                assert other.get(path).status_code == 200
            assert client.get("/katas").status_code == 200
            assert poll.is_alive(), "the pages answered only after the long poll ended"
        finally:
            poll.join(timeout=60)
        assert answers[0]["status"] == "queued"


def test_a_server_killed_mid_grading_grades_the_submission_after_restart(root: Path) -> None:
    database_url = f"sqlite:///{root / 'katabank.db'}"
    with serve(root, database_url, "first") as first:
        create_users(database_url, ["phoenix"])
        client = login_client(first.url, "phoenix")
        body = {"kata_id": "intersection", "source": SLOW_BUT_RIGHT, "kind": "submit"}
        submission_id = client.post("/api/submissions", json=body).json()["id"]
        deadline = time.monotonic() + 60
        while client.get(f"/api/submissions/{submission_id}").json()["status"] != "running":
            assert time.monotonic() < deadline, "the submission never started running"
            time.sleep(0.05)
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)
        client.close()
    [row] = submission_rows(database_url)
    assert (row.status, row.verdict) == ("running", None)

    with serve(root, database_url, "second") as second:
        client = login_client(second.url, "phoenix")
        graded = wait_until_graded(client, submission_id, polls=10)
        client.close()
    assert (graded["verdict"], graded["source"]) == ("passed", SLOW_BUT_RIGHT)
