"""The job queue: procrastinate jobs in Postgres, so grading needs no service beyond the database.

Web processes only defer jobs (`JobQueue`); `katabank worker` processes (worker.py) run them.
Each kind of job is a procrastinate task named in `TASKS`, taking one integer `id`; its jobs
carry the lock "<task>-<id>", so two jobs for one object never run at once. Adding a kind is
a name here, a method on `JobQueue` that calls `_defer`, and a handler in worker.py.

A worker killed mid-job stops its heartbeat; after `lease` seconds of silence any worker's
`retry_stalled` puts the job back (one sweeper at a time, under an advisory lock), and the
next worker picks it up. The domain code makes a second run harmless: a verdict is recorded
once, and a submission cut short too often ends as "could not be graded" (an authored kata
version's check likewise ends failed, "could not be checked").
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import psycopg
from procrastinate import App, SyncPsycopgConnector
from procrastinate.manager import JobManager
from sqlalchemy.engine import make_url

__all__ = [
    "CHECK_KATA",
    "GRADE_SUBMISSION",
    "QUEUE",
    "SIMILARITY_RUN",
    "TASKS",
    "JobQueue",
    "conninfo",
    "retry_stalled",
    "workers_alive",
]

log = logging.getLogger(__name__)

QUEUE = "katabank"
GRADE_SUBMISSION = "grade_submission"
SIMILARITY_RUN = "similarity_run"
CHECK_KATA = "check_kata"
TASKS = (GRADE_SUBMISSION, SIMILARITY_RUN, CHECK_KATA)
# Any number shared by every process: whoever holds it is the one sweeping stalled jobs.
_SWEEP_LOCK = 0x4B415441


def conninfo(database_url: str) -> str:
    """The libpq URL for a SQLAlchemy `postgresql+psycopg://` URL."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise ValueError(f"the job queue needs Postgres, not {url.get_backend_name()}")
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class JobQueue:
    """A `GradingQueue` that defers procrastinate jobs; `katabank worker` processes run them."""

    def __init__(self, database_url: str, *, lease_seconds: float) -> None:
        self._conninfo = conninfo(database_url)
        self._lease = lease_seconds
        self._app = App(connector=SyncPsycopgConnector(conninfo=self._conninfo))
        self._app.open()

    def enqueue(self, submission_id: int) -> None:
        self._defer(GRADE_SUBMISSION, submission_id)

    def enqueue_similarity(self, attempt_id: int) -> None:
        self._defer(SIMILARITY_RUN, attempt_id)

    def _defer(self, task: str, object_id: int) -> None:
        self._app.configure_task(task, queue=QUEUE, lock=f"{task}-{object_id}").defer(id=object_id)

    def check_kata(self, version_id: int) -> None:
        self._defer(CHECK_KATA, version_id)

    def resume(self, submission_ids: Sequence[int]) -> int:
        return self._resume(GRADE_SUBMISSION, submission_ids)

    def resume_checks(self, version_ids: Sequence[int]) -> int:
        return self._resume(CHECK_KATA, version_ids)

    def _resume(self, task: str, object_ids: Sequence[int]) -> int:
        # A job waiting or held by a worker (alive, or to be retried when its lease runs out)
        # is left to it; only objects whose job never got deferred are queued again.
        with psycopg.connect(self._conninfo) as connection:
            held = {
                row[0]
                for row in connection.execute(
                    "SELECT (args->>'id')::bigint FROM procrastinate_jobs "
                    "WHERE task_name = %s AND status IN ('todo', 'doing')",
                    (task,),
                )
            }
        missing = [object_id for object_id in object_ids if object_id not in held]
        for object_id in missing:
            self._defer(task, object_id)
        return len(missing)

    def workers_alive(self) -> int:
        with psycopg.connect(self._conninfo, connect_timeout=5) as connection:
            return workers_alive(connection, self._lease)

    def close(self) -> None:
        self._app.close()


def workers_alive(connection: psycopg.Connection, lease_seconds: float) -> int:
    """Worker processes whose last heartbeat is younger than the lease."""
    row = connection.execute(
        "SELECT count(*) FROM procrastinate_workers "
        "WHERE last_heartbeat > now() - make_interval(secs => %s)",
        (lease_seconds,),
    ).fetchone()
    return int(row[0]) if row else 0


async def retry_stalled(
    manager: JobManager, connection: psycopg.AsyncConnection, lease_seconds: float
) -> int:
    """Put back the jobs of workers silent for `lease_seconds`; how many (0 if another sweeps)."""
    cursor = await connection.execute("SELECT pg_try_advisory_lock(%s)", (_SWEEP_LOCK,))
    row = await cursor.fetchone()
    if not row or not row[0]:
        return 0
    try:
        stalled = list(await manager.get_stalled_jobs(seconds_since_heartbeat=lease_seconds))
        for job in stalled:
            log.warning(
                "job retried: its worker went silent",
                extra={"job": job.id, "task": job.task_name, "job_args": job.task_kwargs},
            )
            await manager.retry_job(job)
        return len(stalled)
    finally:
        await connection.execute("SELECT pg_advisory_unlock(%s)", (_SWEEP_LOCK,))
