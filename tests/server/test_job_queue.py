"""The job queue's own parts on a real Postgres: deferring, resuming at a web start-up without
touching jobs workers hold, counting live workers, and sweeping a dead worker's jobs back."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import psycopg
import pytest
from fastapi.testclient import TestClient
from procrastinate import App, PsycopgConnector
from sqlalchemy import Engine

from server import db
from server.app import create_app
from server.config import PROJECT_ROOT, Settings
from server.grading.jobs import QUEUE, JobQueue, conninfo, retry_stalled
from server.grading.worker import Resources, job_app
from server.models import User
from tests.factories import login, make_submission, make_user

T = TypeVar("T")


@pytest.fixture
def engine(postgres_url: str) -> Iterator[Engine]:
    engine = db.make_engine(postgres_url)
    with engine.begin() as connection:  # what the catalog sync does at a web start-up
        connection.exec_driver_sql(
            "INSERT INTO kata (id, title, topics, difficulty) "
            "VALUES ('intersection', 'Intersection', '[]', 'easy')"
        )
    yield engine
    engine.dispose()


@pytest.fixture
def user(engine: Engine) -> User:
    return make_user(engine, "ada")


@pytest.fixture
def queue(postgres_url: str) -> Iterator[JobQueue]:
    queue = JobQueue(postgres_url, lease_seconds=5)
    yield queue
    queue.close()


def _sql(url: str, statement: str) -> list[tuple[object, ...]]:
    with psycopg.connect(conninfo(url), autocommit=True) as connection:
        cursor = connection.execute(statement.encode())
        return list(cursor.fetchall()) if cursor.description else []


def test_a_job_is_deferred_per_submission_with_its_lock(
    postgres_url: str, queue: JobQueue, engine: Engine, user: User
) -> None:
    row = make_submission(engine, user)
    queue.enqueue(row.id or 0)
    assert _sql(postgres_url, "SELECT task_name, args, lock, status FROM procrastinate_jobs") == [
        ("grade_submission", {"id": row.id}, f"grade_submission-{row.id}", "todo")
    ]


def test_a_web_restart_queues_again_only_what_no_job_holds(
    postgres_url: str, queue: JobQueue, engine: Engine, user: User
) -> None:
    waiting, held, lost = (make_submission(engine, user) for _ in range(3))
    queue.enqueue(waiting.id or 0)
    queue.enqueue(held.id or 0)
    _sql(
        postgres_url,
        f"UPDATE procrastinate_jobs SET status = 'doing' WHERE args->>'id' = '{held.id}'",
    )
    assert queue.resume([waiting.id or 0, held.id or 0, lost.id or 0]) == 1
    jobs = _sql(
        postgres_url, "SELECT (args->>'id')::int, status FROM procrastinate_jobs ORDER BY id"
    )
    assert jobs == [(waiting.id, "todo"), (held.id, "doing"), (lost.id, "todo")]


def test_workers_alive_counts_fresh_heartbeats_only(postgres_url: str, queue: JobQueue) -> None:
    assert queue.workers_alive() == 0
    _sql(postgres_url, "INSERT INTO procrastinate_workers (last_heartbeat) VALUES (now())")
    _sql(
        postgres_url,
        "INSERT INTO procrastinate_workers (last_heartbeat) VALUES (now() - interval '1 minute')",
    )
    assert queue.workers_alive() == 1


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    # In its own thread: a Playwright test earlier in the session may leave an event loop
    # running in this one, and asyncio.run refuses to nest.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_the_sweep_puts_back_only_the_jobs_of_silent_workers(
    postgres_url: str, queue: JobQueue, engine: Engine, user: User
) -> None:
    dead_job, live_job = (make_submission(engine, user) for _ in range(2))
    queue.enqueue(dead_job.id or 0)
    queue.enqueue(live_job.id or 0)
    [(dead,)] = _sql(
        postgres_url,
        "INSERT INTO procrastinate_workers (last_heartbeat) "
        "VALUES (now() - interval '1 minute') RETURNING id",
    )
    [(alive,)] = _sql(postgres_url, "INSERT INTO procrastinate_workers DEFAULT VALUES RETURNING id")
    for worker, row in ((dead, dead_job), (alive, live_job)):
        _sql(
            postgres_url,
            f"UPDATE procrastinate_jobs SET status = 'doing', worker_id = {worker} "
            f"WHERE args->>'id' = '{row.id}'",
        )

    async def sweep(hold_the_lock: bool) -> int:
        url = conninfo(postgres_url)
        app = App(connector=PsycopgConnector(conninfo=url))
        async with (
            app.open_async(),
            await psycopg.AsyncConnection.connect(url, autocommit=True) as mine,
            await psycopg.AsyncConnection.connect(url, autocommit=True) as other,
        ):
            if hold_the_lock:  # another worker is sweeping right now
                await other.execute("SELECT pg_advisory_lock(%s)", (0x4B415441,))
            return await retry_stalled(app.job_manager, mine, lease_seconds=5)

    assert _run(sweep(hold_the_lock=True)) == 0
    assert _run(sweep(hold_the_lock=False)) == 1
    jobs = _sql(
        postgres_url,
        "SELECT (args->>'id')::int, status, attempts FROM procrastinate_jobs ORDER BY id",
    )
    assert jobs == [(dead_job.id, "todo", 1), (live_job.id, "doing", 0)]


def test_with_the_job_queue_the_web_app_only_defers(postgres_url: str, tmp_path: object) -> None:
    settings = Settings(
        database_url=postgres_url,
        questions_dir=PROJECT_ROOT / "questions",
        katas_dir=PROJECT_ROOT / "katas",
    )
    assert settings.uses_job_queue  # "auto" on Postgres
    with TestClient(create_app(settings)) as client:
        engine = client.app.state.engine  # type: ignore[attr-defined]
        make_user(engine, "ada")
        login(client, "ada")
        token = client.get("/api/session").json()["csrf_token"]
        body = {
            "kata_id": "intersection",
            "source": "def intersection(xs, ys):\n    return []\n",
            "kind": "run",
        }
        response = client.post("/api/submissions", json=body, headers={"X-CSRF-Token": token})
        assert response.status_code < 300, response.text
        submission_id = response.json()["id"]
        assert client.get(f"/api/submissions/{submission_id}").json()["status"] == "queued"
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"] == {
            "database": "ok",
            "queue": "ok",
            "workers": "no worker alive",
        }
    assert _sql(postgres_url, "SELECT args->>'id', status FROM procrastinate_jobs") == [
        (str(submission_id), "todo")
    ]


def test_a_similarity_run_is_a_job_a_worker_runs(
    postgres_url: str, queue: JobQueue, engine: Engine
) -> None:
    queue.enqueue_similarity(7)
    assert _sql(postgres_url, "SELECT task_name, args, lock, status FROM procrastinate_jobs") == [
        ("similarity_run", {"id": 7}, "similarity_run-7", "todo")
    ]
    resources = Resources(Settings(database_url=postgres_url), engine, {}, "test-worker")
    app = job_app(conninfo(postgres_url), resources)

    async def work_until_empty() -> None:
        async with app.open_async():
            await app.run_worker_async(queues=[QUEUE], wait=False, install_signal_handlers=False)

    _run(work_until_empty())
    # Attempt 7 is no candidate's: the run finds nothing to compare, and the job succeeds.
    assert _sql(postgres_url, "SELECT status FROM procrastinate_jobs") == [("succeeded",)]
