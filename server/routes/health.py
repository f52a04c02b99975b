"""Operations endpoints: /healthz (the process answers), /readyz (it can do its work), /metrics."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from server import health, metrics, submissions
from server.deps import QueueDep, SessionDep, SettingsDep

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"})


@router.get("/readyz")
async def readyz(request: Request, queue: QueueDep, settings: SettingsDep) -> JSONResponse:
    checks = await run_in_threadpool(
        health.readiness,
        engine=request.app.state.engine,
        queue=queue,
        job_queue=settings.uses_job_queue,
        sandbox_error=request.app.state.sandbox_error,
    )
    ready = all(state == "ok" for state in checks.values())
    return JSONResponse(
        {"status": "ready" if ready else "not ready", "checks": checks},
        status_code=200 if ready else 503,
    )


@router.get("/metrics")
def prometheus(
    request: Request, session: SessionDep, queue: QueueDep, settings: SettingsDep
) -> Response:
    # Off unless a token is set: the numbers say how busy the site is and which routes exist.
    if not settings.metrics_token:
        raise HTTPException(404)
    sent = request.headers.get("authorization", "")
    if not secrets.compare_digest(sent.encode(), f"Bearer {settings.metrics_token}".encode()):
        raise HTTPException(401, "Send the metrics token as a bearer token.")
    counts = submissions.count_unfinished(session=session)
    try:
        alive = queue.workers_alive()
    except Exception:  # the queue's database is down: still report the rest
        alive = 0
    body = metrics.exposition(
        queued=counts.get(submissions.Status.queued, 0),
        running=counts.get(submissions.Status.running, 0),
        workers_alive=alive,
    )
    return Response(body, media_type=metrics.CONTENT_TYPE)
