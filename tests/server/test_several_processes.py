"""`katabank serve --workers 2`: several web processes on one database behave as one server:
a login made in one is honoured by the other, and unfinished submissions are queued again by
one process only, so each is graded once."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from sqlmodel import Session

from server import db
from server.catalog import load_catalog, sync_catalog
from server.config import PROJECT_ROOT, Settings
from server.models import Submission
from server.submissions import Status
from tests.factories import make_submission, make_user, wait_until_graded
from tests.server.serving import login_client, serve


def test_two_processes_share_logins_and_resume_unfinished_work_once(tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    database_url = f"sqlite:///{tmp_path / 'katabank.db'}"
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    settings = Settings(
        database_url=database_url,
        questions_dir=tmp_path / "questions",
        katas_dir=PROJECT_ROOT / "katas",
    )
    with Session(engine) as session:
        sync_catalog(session=session, catalog=load_catalog(settings))
    user = make_user(engine, "phoenix")
    # Left queued by a server that stopped: the next start-up must grade it, once.
    pending = make_submission(engine, user, kind="run", status=Status.queued)
    with serve(tmp_path, database_url, "server", workers=2) as server:
        client = login_client(server.url, "phoenix")
        # Each request may land in either process; all of them know the login.
        assert all(client.get("/api/session").status_code == 200 for _ in range(20))
        assert pending.id is not None
        assert wait_until_graded(client, pending.id)["verdict"] == "passed"
    log = server.log.read_text()
    assert log.count("grading again 1 submissions left unfinished") == 1, log
    with Session(engine) as session:
        row = session.get(Submission, pending.id)
    assert row is not None and row.status == Status.done
    engine.dispose()


def test_processes_starting_together_on_a_new_database_all_come_up(
    tmp_path: Path, database_url: str
) -> None:
    # The whole bank: both processes insert its 358 mirror rows at once, and one loses the race.
    (tmp_path / "questions").symlink_to(PROJECT_ROOT / "questions")
    with serve(tmp_path, database_url, "fresh", workers=2) as server:
        deadline = time.monotonic() + 60
        while server.log.read_text().count("Application startup complete") < 2:
            assert server.process.poll() is None, server.log.read_text()
            assert time.monotonic() < deadline, server.log.read_text()
            time.sleep(0.2)
        assert all(httpx.get(server.url + "/login").status_code == 200 for _ in range(10))
        assert server.process.poll() is None
    log = server.log.read_text()
    assert "startup failed" not in log, log
    assert log.count("catalog: 358 questions") == 2, log
