"""`katabank worker`: a process that runs the job queue's jobs, on any machine reaching Postgres.

Each job kind in jobs.TASKS has a handler here taking the worker's `Resources` and the job's
id. A worker grades `--concurrency` submissions at once (threads; each grading is its own
sandboxed processes), sends a heartbeat every third of the lease, and sweeps the jobs of
workers that went silent back into the queue. SIGTERM or Ctrl-C lets gradings under way
finish first.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import socket
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import psycopg
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from procrastinate import App, JobContext, PsycopgConnector, RetryStrategy
from prometheus_client import start_http_server
from sqlalchemy import Engine

import graders
from graders import Kata
from server import db, logs, submissions
from server.authoring.checks import run_check
from server.authoring.library import LiveKatas, WithLive
from server.config import Settings
from server.grading.jobs import (
    CHECK_KATA,
    GRADE_SUBMISSION,
    QUEUE,
    SIMILARITY_RUN,
    TASKS,
    conninfo,
    retry_stalled,
)
from server.hiring import similarity_runs

__all__ = ["HANDLERS", "Resources", "job_app", "make_engine", "register", "run"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resources:
    """What every job of this worker shares: settings, the database, the katas, its name."""

    settings: Settings
    engine: Engine
    katas: Mapping[str, Kata]
    name: str
    # An authored kata's version by id: what a submission made on one is graded on.
    versions: Callable[[int], Kata | None] | None = None


def _grade(resources: Resources, submission_id: int) -> None:
    submissions.grade_by_id(
        submission_id,
        engine=resources.engine,
        katas=resources.katas,
        versions=resources.versions,
        max_attempts=resources.settings.grading_max_attempts,
        worker=resources.name,
    )


def _compare(resources: Resources, attempt_id: int) -> None:
    similarity_runs.run(
        attempt_id, engine=resources.engine, katas=resources.katas, versions=resources.versions
    )


def _check(resources: Resources, version_id: int) -> None:
    # A new live version is found by id in the database (LiveKatas); nothing here to tell.
    run_check(
        version_id,
        engine=resources.engine,
        on_live=lambda kata_id: None,
        max_attempts=resources.settings.grading_max_attempts,
    )


HANDLERS: dict[str, Callable[[Resources, int], None]] = {
    GRADE_SUBMISSION: _grade,
    SIMILARITY_RUN: _compare,
    CHECK_KATA: _check,
}
# A handler that raises (the database went away a moment) is tried again, a few times.
_RETRY = RetryStrategy(max_attempts=5, exponential_wait=2)


def register(subcommands: Any) -> None:
    """Add `katabank worker` to the command line."""
    worker = subcommands.add_parser(
        "worker",
        help=(
            "Grade submissions and check authored katas from the job queue "
            "(Postgres; KATABANK_DATABASE_URL)."
        ),
    )
    worker.add_argument(
        "--concurrency",
        type=int,
        default=None,
        help="Submissions graded at once (default: KATABANK_GRADING_WORKERS).",
    )
    worker.add_argument(
        "--name", default=None, help="Name in logs (default: host name and process id)."
    )
    worker.add_argument(
        "--metrics-port",
        type=int,
        default=None,
        help="Serve this worker's Prometheus metrics on 127.0.0.1 at this port.",
    )
    worker.set_defaults(run=_run_command)


def _run_command(args: argparse.Namespace) -> int:
    logs.configure()
    settings = Settings()
    return run(
        settings,
        concurrency=args.concurrency or settings.grading_workers,
        name=args.name or f"{socket.gethostname()}:{os.getpid()}",
        metrics_port=args.metrics_port,
    )


def run(settings: Settings, *, concurrency: int, name: str, metrics_port: int | None) -> int:
    """Run jobs until SIGTERM or SIGINT; the exit code (1: cannot start, and says why)."""
    try:
        url = conninfo(settings.database_url)
    except ValueError as exc:
        print(f"katabank worker: {exc}; set KATABANK_DATABASE_URL", file=sys.stderr)
        return 1
    engine = make_engine(settings, concurrency)
    live: LiveKatas | None = None
    try:
        problem = _not_at_head(engine)
        if problem:
            print(f"katabank worker: {problem}", file=sys.stderr)
            return 1
        try:
            graders.warm_up()
        except graders.SandboxUnavailable as exc:
            print(f"katabank worker: grading is unavailable: {exc}", file=sys.stderr)
            return 1
        found, errors = graders.load_katas(settings.katas_dir, reviewed=True)
        for error in errors:
            log.warning("kata not loaded: %s", error)
        # Katas written in the browser are looked up by id in the database (server/authoring).
        files = {kata.id: kata for kata in found}
        live = LiveKatas(engine)
        katas = WithLive(lambda: files, live)
        resources = Resources(settings, engine, katas, name, versions=katas.version)
        if metrics_port is not None:
            start_http_server(metrics_port, addr="127.0.0.1")
        log.info(
            "worker %s: %d katas, %d at once", name, len(found), concurrency, extra={"worker": name}
        )
        asyncio.run(_work(resources, url, concurrency))
    finally:
        if live is not None:
            live.close()  # its folder of written versions would outlive the process
        engine.dispose()
    return 0


def make_engine(settings: Settings, concurrency: int) -> Engine:
    """The worker's engine, with a connection for everything its `concurrency` jobs hold at once.

    A job holds at most two: its own session's, and, while that is open, the one LiveKatas
    looks an authored kata up with. Heartbeats and sweeps hold none of these: they go through
    the job queue's own connections.
    """
    return db.make_engine(settings.database_url, pool_size=2 * concurrency)


def _not_at_head(engine: Engine) -> str | None:
    head = ScriptDirectory.from_config(db.alembic_config(engine)).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current != head:
        return f"the database is at {current}, not {head}: run `katabank db upgrade` first"
    return None


def job_app(url: str, resources: Resources) -> App:
    """The procrastinate app with a task for each kind of job, run by `resources`."""
    app = App(connector=PsycopgConnector(conninfo=url))
    for task_name in TASKS:
        handler = HANDLERS[task_name]

        def run_job(context: JobContext, id: int, handler: Callable[..., None] = handler) -> None:
            handler(resources, id)

        app.task(name=task_name, queue=QUEUE, pass_context=True, retry=_RETRY)(run_job)
    return app


async def _work(resources: Resources, url: str, concurrency: int) -> None:
    lease = resources.settings.worker_lease_seconds
    # Jobs run in the loop's default thread pool, which holds only a few threads per core;
    # the two more are for the connections' own blocking calls (name lookups on reconnecting).
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(max_workers=concurrency + 2, thread_name_prefix="job")
    )
    app = job_app(url, resources)
    async with (
        app.open_async(),
        await psycopg.AsyncConnection.connect(url, autocommit=True) as sweep_connection,
    ):
        sweeper = asyncio.create_task(_sweep_forever(app, sweep_connection, lease))
        try:
            await app.run_worker_async(
                queues=[QUEUE],
                name=resources.name,
                concurrency=concurrency,
                update_heartbeat_interval=lease / 3,
                stalled_worker_timeout=lease,
                delete_jobs="successful",
            )
        finally:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper


async def _sweep_forever(app: App, connection: psycopg.AsyncConnection, lease: float) -> None:
    while True:
        await asyncio.sleep(lease / 3)
        try:
            await retry_stalled(app.job_manager, connection, lease)
        except Exception:  # a failed sweep is tried again next time; the worker goes on
            log.exception("could not sweep stalled jobs")
