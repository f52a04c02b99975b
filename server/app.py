"""The web application: `create_app(settings)` builds everything; nothing happens at import."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlmodel import Session

import graders
from server import db, submissions
from server.attempts.sweeper import Sweeper
from server.catalog import load_catalog, sync_catalog
from server.clock import SystemClock
from server.config import Settings
from server.csrf import verify_csrf
from server.errors import install_error_handlers
from server.grading import EmbeddedQueue
from server.hiring import questions as manager_questions
from server.mailer import make_mailer
from server.middleware import RequestContextMiddleware
from server.routes import ROUTERS
from server.templating import STATIC_DIR, make_templates

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app for `settings`; its lifespan migrates the database and syncs the catalog."""
    settings = settings or Settings()
    engine = db.make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db.upgrade(engine)
        catalog = load_catalog(settings)
        with Session(engine) as session:
            sync_catalog(session=session, catalog=catalog)
            manager_questions.load_private(session=session, catalog=catalog)
        app.state.catalog = catalog
        log.info(
            "catalog: %d questions, %d katas, %d errors",
            len(catalog.questions),
            len(catalog.katas),
            len(catalog.errors) + len(catalog.kata_errors),
        )
        grade = partial(submissions.grade_by_id, engine=engine, katas=catalog.katas)
        app.state.grading = EmbeddedQueue(grade, workers=settings.grading_workers)
        try:
            graders.warm_up()
        except graders.SandboxUnavailable as exc:
            # The rest of the app works without it; each submission will say grading is off.
            log.warning("grading is unavailable: %s", exc)
        with Session(engine) as session:
            resumed = submissions.resume(session=session, queue=app.state.grading)
        if resumed:
            log.info("grading again %d submissions left unfinished", resumed)
        sweeper = Sweeper(
            engine=engine,
            queue=app.state.grading,
            catalog=lambda: app.state.catalog,
            now=lambda: app.state.clock.now(),
            period=settings.attempt_sweep_seconds,
        )
        sweeper.start()
        yield
        sweeper.close()
        app.state.grading.close()
        engine.dispose()

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
    app.state.templates = make_templates(STATIC_DIR)
    app.add_middleware(RequestContextMiddleware)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    return app
