"""The web application: `create_app(settings)` builds everything; nothing happens at import."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import partial

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from sqlmodel import Session

import graders
from server import db, submissions
from server.accounts import HashGate
from server.attempts.sweeper import Sweeper
from server.authoring.checks import run_check, unchecked
from server.authoring.library import LiveKatas, WithLive
from server.catalog import Catalog, load_catalog, sync_catalog
from server.clock import SystemClock
from server.config import Settings
from server.csrf import verify_csrf
from server.errors import install_error_handlers
from server.grading import EmbeddedQueue, GradingQueue, JobQueue
from server.hiring import questions as manager_questions
from server.hiring import similarity_runs
from server.mailer import make_mailer
from server.middleware import RequestContextMiddleware, trusted_networks
from server.routes import ROUTERS
from server.startup import first_process_lock
from server.telemetry import TelemetryMiddleware
from server.templating import STATIC_DIR, make_templates

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app for `settings`; its lifespan migrates the database and syncs the catalog."""
    settings = settings or Settings()
    trusted_networks(settings.trusted_proxies)  # a mistyped proxy address fails here, by name
    engine = db.make_engine(settings.database_url, pool_size=settings.database_pool_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db.upgrade(engine)
        live = app.state.authored = LiveKatas(engine)
        catalog = replace(
            load_catalog(settings),
            private_source=partial(manager_questions.fetch, engine=engine),
            authored=live,
        )
        with Session(engine) as session:
            sync_catalog(session=session, catalog=catalog)
            manager_questions.load_private(session=session, catalog=catalog)
        app.state.catalog = catalog.refreshed()
        log.info(
            "catalog: %d questions, %d katas, %d errors",
            len(catalog.questions),
            len(catalog.katas),
            len(catalog.errors) + len(catalog.kata_errors),
        )
        app.state.grading = _make_queue(
            settings,
            engine,
            WithLive(lambda: catalog.katas, live),
            partial(_republish, catalog),
        )
        app.state.sandbox_error = None
        if not settings.uses_job_queue:
            try:
                graders.warm_up()
            except graders.SandboxUnavailable as exc:
                # The rest of the app works without it; each submission will say grading is off.
                log.warning("grading is unavailable: %s", exc)
                app.state.sandbox_error = str(exc)
        lock = first_process_lock(settings.database_url)
        if lock is not None:
            with Session(engine) as session:
                resumed = submissions.resume(session=session, queue=app.state.grading)
                unchecked_attempts = similarity_runs.unfinished(session=session)
                checks = app.state.grading.resume_checks(unchecked(session=session))
            if resumed:
                log.info("grading again %d submissions left unfinished", resumed)
            if checks:
                log.info("checking again %d authored kata versions", checks)
            # Runs are idempotent: one that is also still waiting in the job queue does no harm.
            for attempt_id in unchecked_attempts:
                app.state.grading.enqueue_similarity(attempt_id)
        sweeper = Sweeper(
            engine=engine,
            queue=app.state.grading,
            catalog=lambda: app.state.catalog,
            now=lambda: app.state.clock.now(),
            period=settings.attempt_sweep_seconds,
        )
        sweeper.start()
        # Everything loaded so far (the catalog, templates, modules) lives as long as the
        # process: moving it out of the collector's generations keeps full collections, which
        # otherwise walk all of it, from pausing requests for tens of milliseconds.
        gc.freeze()
        yield
        gc.unfreeze()  # what this app held may be collected again once it is gone
        sweeper.close()
        app.state.grading.close()
        live.close()
        engine.dispose()
        if lock is not None:
            lock.close()

    app = FastAPI(
        title="Katabank",
        lifespan=lifespan,
        dependencies=[Depends(verify_csrf)],
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.mailer = make_mailer(settings)
    app.state.clock = SystemClock()
    app.state.hash_gate = HashGate(settings.password_hashes_at_once)
    app.state.templates = make_templates(STATIC_DIR)
    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(TelemetryMiddleware)  # added last, so outermost: it times everything
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    return app


def _make_queue(
    settings: Settings,
    engine: Engine,
    katas: WithLive,
    on_live: Callable[[str], None],
) -> GradingQueue:
    # With the job queue this process only defers jobs; `katabank worker` processes grade
    # submissions and check authored katas.
    if settings.uses_job_queue:
        return JobQueue(settings.database_url, lease_seconds=settings.worker_lease_seconds)
    grade = partial(
        submissions.grade_by_id,
        engine=engine,
        katas=katas,
        versions=katas.version,
        max_attempts=settings.grading_max_attempts,
    )
    compare = partial(similarity_runs.run, engine=engine, katas=katas, versions=katas.version)
    check = partial(
        run_check, engine=engine, on_live=on_live, max_attempts=settings.grading_max_attempts
    )
    return EmbeddedQueue(
        grade, similarity=compare, check=check, workers=settings.grading_workers
    )


def _republish(catalog: Catalog, kata_id: str) -> None:
    # Looking a published kata up puts its new live version into the public catalog.
    catalog.kata(kata_id)
