"""`katabank worker` processes on Postgres grading what `katabank serve` queues, for real: two
workers share a burst, one is killed (SIGKILL) mid-grading, and every submission still ends
with exactly one verdict; a web restart leaves a job a worker holds alone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from server import db
from server.config import Settings
from server.grading import worker
from server.grading.jobs import conninfo
from server.models import Role
from tests.factories import KEEPS_DUPLICATES, RIGHT, make_user, one, stop
from tests.server.authoring_kata import SAMPLE, add_form
from tests.server.serving import create_users, form_token, login_client, rows, serve

SLOW_BUT_RIGHT = "import time\n\ntime.sleep(2)\n\n" + RIGHT
LEASE = "3"  # seconds: a killed worker's jobs come back after this
SETTINGS: dict[str, object] = {"worker_lease_seconds": LEASE, "submissions_per_minute": 1000}


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    log: Path

    def graded(self) -> list[dict[str, object]]:
        """The worker's "graded submission" log lines, as JSON objects."""
        lines = [json.loads(line) for line in self.log.read_text().splitlines() if line]
        return [line for line in lines if "submission" in line and "verdict" in line]


@contextmanager
def _worker(root: Path, database_url: str, name: str, **extra_env: str) -> Iterator[Worker]:
    env = {
        **os.environ,
        **extra_env,
        **{f"KATABANK_{key.upper()}": str(value) for key, value in SETTINGS.items()},
        "KATABANK_DATABASE_URL": database_url,
        "KATABANK_KATAS_DIR": str(Path(__file__).parents[2] / "katas"),
    }
    log = root / f"{name}.log"
    katabank = Path(sys.executable).parent / "katabank"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(katabank), "worker", "--concurrency", "2", "--name", name],
            env=env,
            stdout=out,
            stderr=out,
        )
    try:
        yield Worker(process, log)
    finally:
        stop(process, timeout=30)


def _query(database_url: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(conninfo(database_url), autocommit=True) as connection:
        return list(connection.execute(sql.encode()).fetchall())


def _wait_for(what: str, check: object, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not callable(check) or not check():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.1)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "questions").mkdir()
    return tmp_path


def test_two_workers_one_killed_mid_grading_give_each_submission_exactly_one_verdict(
    root: Path, postgres_url: str
) -> None:
    create_users(postgres_url, ["ada", "bob"])
    sources = [SLOW_BUT_RIGHT if n % 2 == 0 else KEEPS_DUPLICATES for n in range(12)]
    with ExitStack() as stack:
        web = stack.enter_context(
            serve(
                root, postgres_url, "web", worker_lease_seconds=LEASE, submissions_per_minute=1000
            )
        )
        first = stack.enter_context(_worker(root, postgres_url, "first"))
        _wait_for(
            "the first worker is up",
            lambda: _query(postgres_url, "SELECT id FROM procrastinate_workers"),
        )
        [(first_id,)] = _query(postgres_url, "SELECT id FROM procrastinate_workers")
        second = stack.enter_context(_worker(root, postgres_url, "second"))
        clients = [login_client(web.url, "ada"), login_client(web.url, "bob")]
        ids = []
        for n, source in enumerate(sources):
            body = {"kata_id": "intersection", "source": source, "kind": "submit"}
            response = clients[n % 2].post("/api/submissions", json=body)
            assert response.status_code in (200, 201, 202), response.text
            ids.append(response.json()["id"])

        _wait_for(
            "the first worker holds a grading",
            lambda: _query(
                postgres_url,
                "SELECT id FROM procrastinate_jobs "
                f"WHERE status = 'doing' AND worker_id = {first_id}",
            ),
        )
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)
        _wait_for(
            "every submission is graded",
            lambda: all(row.status == "done" for row in rows(postgres_url)),
            timeout=240,
        )
        for client in clients:
            client.close()
        stop(second.process, timeout=60)

    graded = {row.id or 0: row for row in rows(postgres_url)}
    assert sorted(graded) == sorted(ids)
    for submission_id, source in zip(ids, sources, strict=True):
        expected = "passed" if source == SLOW_BUT_RIGHT else "failed"
        assert graded[submission_id].verdict == expected, graded[submission_id].report
    recorded = [
        int(str(line["submission"]))
        for line in first.graded() + second.graded()
        if line["recorded"]
    ]
    assert sorted(recorded) == sorted(ids), "each verdict is recorded exactly once"
    cut_short = [row for row in graded.values() if row.attempts > 1]
    assert cut_short, "the killed worker held a grading, which the other worker did again"
    assert all(row.attempts == 2 for row in cut_short)
    assert _query(
        postgres_url,
        "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing', 'failed')",
    ) == [(0,)]


def test_a_kata_check_is_a_job_a_killed_worker_leaves_to_the_next(
    root: Path, postgres_url: str
) -> None:
    """Saving an authored kata on a web process only defers its check; a worker killed while
    checking it lets the next worker check it again, and the editor's panel shows the result."""
    engine = db.make_engine(postgres_url)
    db.upgrade(engine)
    make_user(engine, "ann", role=Role.manager)
    engine.dispose()
    slow_sample = SAMPLE.replace("def test_small", "import time\n\n\ndef test_small").replace(
        "    check(solution, (2, 3), 5)", "    time.sleep(1)\n    check(solution, (2, 3), 5)"
    )
    with ExitStack() as stack:
        web = stack.enter_context(serve(root, postgres_url, "web", worker_lease_seconds=LEASE))
        client = login_client(web.url, "ann")
        stack.callback(client.close)
        form = {
            **add_form(tests_sample=slow_sample),
            "csrf_token": form_token(client, "/manage/katas/new"),
        }
        assert client.post("/manage/katas", data=form).status_code == 303
        assert _query(postgres_url, "SELECT status FROM kataversion") == [("pending",)]
        first = stack.enter_context(_worker(root, postgres_url, "first"))
        # Wait on the worker's own mark, not procrastinate's: the job is 'doing' a moment before
        # the check job records its attempt.
        _wait_for(
            "the first worker checks the kata",
            lambda: (
                _query(postgres_url, "SELECT status, attempts FROM kataversion")
                == [("checking", 1)]
            ),
        )
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)
        assert _query(postgres_url, "SELECT status, attempts FROM kataversion") == [("checking", 1)]
        stack.enter_context(_worker(root, postgres_url, "second"))

        def panel() -> str:
            html = HTMLParser(client.get("/manage/katas/add_two/check").text)
            node = one(html, "#kata-check")
            return node.attributes.get("data-status") or ""

        _wait_for("the second worker finished the check", lambda: panel() == "passed", 240)
    assert _query(postgres_url, "SELECT status, attempts FROM kataversion") == [("passed", 2)]
    assert _query(postgres_url, "SELECT live_version_id IS NOT NULL FROM authoredkata") == [(True,)]


def test_a_stopped_worker_leaves_no_folder_of_authored_katas_behind(
    root: Path, postgres_url: str
) -> None:
    """The folder a worker writes authored kata versions into goes when SIGTERM stops it."""
    engine = db.make_engine(postgres_url)
    db.upgrade(engine)
    engine.dispose()
    temp = root / "tmp"
    temp.mkdir()
    with _worker(root, postgres_url, "w", TMPDIR=str(temp)) as running:
        _wait_for("the worker runs jobs", lambda: "start_worker" in running.log.read_text())
        time.sleep(0.5)  # it logs that just before it installs its SIGTERM handler
        assert [path.name[:18] for path in temp.iterdir()] == ["katabank-authored-"]
    assert running.process.returncode == 0, running.log.read_text()
    assert not [path for path in temp.iterdir() if path.name.startswith("katabank-authored-")]


def test_a_worker_refuses_sqlite_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'k.db'}")
    assert worker.run(settings, concurrency=1, name="w", metrics_port=None) == 1
    assert "needs Postgres" in capsys.readouterr().err


def test_a_worker_refuses_a_database_not_migrated_yet(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = db.make_engine(postgres_url)
    db.downgrade(engine, "0001")
    engine.dispose()
    settings = Settings(database_url=postgres_url)
    assert worker.run(settings, concurrency=1, name="w", metrics_port=None) == 1
    assert "run `katabank db upgrade` first" in capsys.readouterr().err


def test_the_worker_engine_keeps_a_connection_for_all_its_jobs_hold_at_once(
    postgres_url: str,
) -> None:
    engine = worker.make_engine(Settings(database_url=postgres_url), concurrency=6)
    try:
        held = [engine.connect() for _ in range(12)]  # each job's session and kata lookup
        for connection in held:
            connection.close()
        # All kept: none was an overflow connection, opened for one use and closed after.
        assert engine.pool.checkedin() == 12  # type: ignore[attr-defined]
    finally:
        engine.dispose()
