"""Liveness and readiness: what a load balancer or process manager asks before sending work."""

from __future__ import annotations

import logging

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from graders.doctor import Check
from server import db
from server.config import Settings
from server.grading import GradingQueue, JobQueue

__all__ = ["database_check", "queue_check", "readiness"]

log = logging.getLogger(__name__)


def readiness(
    *, engine: Engine, queue: GradingQueue, job_queue: bool, sandbox_error: str | None
) -> dict[str, str]:
    """Each dependency's state, "ok" or what is wrong; ready when every one is "ok".

    With the embedded queue this process grades, so its own sandbox must work; with the job
    queue the workers grade (each checks its sandbox at start), so at least one must be alive.
    """
    checks: dict[str, str] = {}
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # any driver error means "not ready", said plainly
        log.warning("readiness: database unreachable: %s", exc)
        checks["database"] = "unreachable"
    try:
        alive = queue.workers_alive()
        checks["queue"] = "ok"
    except Exception as exc:
        log.warning("readiness: queue unreachable: %s", exc)
        alive = 0
        checks["queue"] = "unreachable"
    if job_queue:
        checks["workers"] = "ok" if alive else "no worker alive"
    else:
        checks["sandbox"] = "ok" if sandbox_error is None else "unavailable"
    return checks


def _first_line(exc: Exception) -> str:
    """The driver's own message, first line only (SQLAlchemy adds the statement and a link)."""
    reason = getattr(exc, "orig", None) or exc
    lines = str(reason).strip().splitlines()
    return lines[0] if lines else type(reason).__name__


def _schema(settings: Settings) -> tuple[str, str | None, str | None]:
    """(where, current revision, latest revision) of the configured database; raises the
    driver's error when it does not answer."""
    engine = db.make_engine(settings.database_url, pool_size=1)
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(db.alembic_config(engine)).get_current_head()
    except Exception as exc:  # any driver error: said by the caller, with where
        raise _Unreachable(f"{where} does not answer: {_first_line(exc)}") from exc
    finally:
        engine.dispose()
    return where, current, head


class _Unreachable(Exception):
    pass


def database_check() -> Check:
    """For `katabank doctor`: the configured database answers and its schema is current."""
    try:
        where, current, head = _schema(Settings())
    except _Unreachable as exc:
        return Check(
            "database",
            False,
            str(exc),
            "Set KATABANK_DATABASE_URL to a database this host can reach (and that exists).",
        )
    if current != head:
        return Check(
            "database",
            False,
            f"{where} is at schema {current or 'none'}, not {head}",
            "Run `katabank db upgrade` (or start `katabank serve`, which migrates).",
        )
    return Check("database", True, f"{where}, schema {head}")


def queue_check() -> Check:
    """For `katabank doctor`: who grades, and on the job queue how many workers are alive.
    The job queue lives in the database: with no database, or an old schema, it is not asked."""
    settings = Settings()
    if not settings.uses_job_queue:
        return Check("queue", None, "embedded: each web process grades in its own threads")
    try:
        _, current, head = _schema(settings)
    except _Unreachable:
        return Check(
            "queue", False, "not checked: the database does not answer", "Fix the database first."
        )
    if current != head:
        return Check(
            "queue",
            False,
            "not checked: the job queue's tables come with the database schema",
            "Run `katabank db upgrade`.",
        )
    try:
        queue = JobQueue(settings.database_url, lease_seconds=settings.worker_lease_seconds)
        try:
            alive = queue.workers_alive()
        finally:
            queue.close()
    except Exception as exc:
        return Check(
            "queue",
            False,
            f"the job queue does not answer: {_first_line(exc)}",
            "Check the database and run `katabank db upgrade`.",
        )
    if not alive:
        return Check(
            "queue",
            False,
            "job queue reachable, but no `katabank worker` is alive",
            "Start at least one `katabank worker` (see the README's deployment guide).",
        )
    return Check("queue", True, f"job queue, {alive} worker{'s' if alive != 1 else ''} alive")
