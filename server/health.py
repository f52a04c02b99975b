"""Liveness and readiness: what a load balancer or process manager asks before sending work."""

from __future__ import annotations

import logging

from sqlalchemy import Engine, text

from server.grading import GradingQueue

__all__ = ["readiness"]

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
