"""The JSON API beside the pages: the katas, submit code, poll (or long-poll) for the verdict,
list one's own.

Authenticated either by the session cookie, whose POSTs need the `X-CSRF-Token` header (the
token is in every page's `hx-headers`, and in `GET /api/session`), or by an API token made on
the account page, sent as `Authorization: Bearer <token>` on a request without the cookie,
which needs no CSRF header. A submission that is not the caller's answers 404, exactly like
one that does not exist, so ids reveal nothing.

Lists are newest first (katas: by id) and paged by cursor: when there is more, the response
has a `Link: <...>; rel="next"` header (and `X-Next-Cursor`); pass its `cursor` to get the next
page. Errors are JSON `{"detail": "..."}`: 400 for a malformed request (a bad parameter, body
or cursor), 401 not logged in, 403 CSRF, 404 not found, 413 too large, 429 too many (with
Retry-After), 503 busy (with Retry-After). The schema of these routes alone is at
`/api/openapi.json`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
import json
import time
from collections import Counter
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from graders import Kata
from server import submissions
from server.csrf import TOKEN_PATH_PREFIXES
from server.deps import (
    CatalogDep,
    CurrentUser,
    KataDep,
    LimitsDep,
    QueueDep,
    SessionDep,
    SettingsDep,
)
from server.middleware import SESSION_COOKIE
from server.models import Submission, User
from server.reviews import as_utc
from server.submissions import Kind, Status, SubmissionRefused

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["submissions"])

WAIT_MAX_SECONDS = 30
_POLL_SECONDS = 0.2
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "A malformed parameter, body or cursor; `detail` names the fields."},
    401: {"description": "Not logged in."},
    403: {"description": "Missing or wrong X-CSRF-Token header (cookie-authenticated POSTs)."},
    404: {"description": "No such kata, or no submission of yours with that id."},
}
_PAGED = {
    "Link": {"description": '`<url>; rel="next"` when there is a next page.'},
    "X-Next-Cursor": {"description": "The cursor of the next page, when there is one."},
}


class Problem(BaseModel):
    detail: str = Field(description="What went wrong, in a sentence a person can read.")


class SessionInfo(BaseModel):
    username: str
    csrf_token: str = Field(description="Send it as the X-CSRF-Token header on every POST.")


class SubmissionIn(BaseModel):
    kata_id: str = Field(max_length=120, examples=["intersection"])
    source: str = Field(description="Python source defining the kata's function; 64 KiB at most.")
    kind: Literal["run", "submit"] = Field(
        default="submit", description="run: the sample tests; submit: sample and hidden tests."
    )


class SubmissionCreated(BaseModel):
    id: int
    status: str = Field(description="queued, running or done.")
    url: str = Field(description="Where to poll for the verdict.")


class SubmissionSummary(BaseModel):
    id: int
    kata_id: str
    kind: str = Field(description="run, submit or answer (a quick answer typed on the page).")
    status: str = Field(description="queued, running or done.")
    verdict: str | None = Field(
        description="Once done: passed, failed, error, timeout, memory, rejected, or "
        "unavailable (could not be graded through no fault of the code)."
    )
    created_at: datetime
    finished_at: datetime | None


class SubmissionOut(SubmissionSummary):
    source: str
    report: dict[str, Any] | None = Field(
        description="The grader's versioned report (schema, verdict, tests, failure, error, "
        "stdout, duration_ms...), once done."
    )


class KataLimits(BaseModel):
    wall_seconds: float
    cpu_seconds: float
    memory_mb: int
    output_kb: int


class KataSummary(BaseModel):
    id: str
    title: str
    difficulty: str
    topics: list[str]
    kind: str = Field(
        description='What a solution is: "function" (Python defining `function`) or "sql"'
        " (one SQLite query; `function` is then `query`)."
    )
    function: str = Field(description="The function a solution defines.")
    limits: KataLimits = Field(description="What one grading of a solution may use.")


class KataOut(KataSummary):
    statement: str = Field(description="The problem statement, in Markdown.")
    starter: str = Field(description="The code a solution starts from.")


def _kata_summary(kata: Kata) -> dict[str, Any]:
    return {
        "id": kata.id,
        "title": kata.title,
        "difficulty": kata.difficulty,
        "topics": list(kata.topics),
        "kind": kata.kind,
        "function": kata.function,
        "limits": KataLimits.model_validate(kata.limits, from_attributes=True),
    }


def _cursor(*values: str | int) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _uncursor(cursor: str, types: tuple[type, ...]) -> list[Any]:
    """The values a `_cursor` holds; a 400 for anything this API did not hand out."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError):
        values = None
    if not isinstance(values, list) or [type(value) for value in values] != list(types):
        raise HTTPException(400, "The cursor is not one this API handed out.")
    return values


def _next_page(request: Request, response: Response, cursor: str | None) -> None:
    if cursor is not None:
        url = request.url.include_query_params(cursor=cursor)
        response.headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'
        response.headers["X-Next-Cursor"] = cursor


_Cursor = Annotated[
    str | None, Query(max_length=200, description="From the previous page's X-Next-Cursor.")
]
_Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]


@router.get(
    "/katas",
    response_model=list[KataSummary],
    responses={400: _ERRORS[400], 401: _ERRORS[401], 200: {"headers": _PAGED}},
    tags=["katas"],
)
def list_katas(
    request: Request,
    response: Response,
    user: CurrentUser,
    catalog: CatalogDep,
    cursor: _Cursor = None,
    limit: _Limit = 50,
) -> list[dict[str, Any]]:
    """The katas, by id; the statement and starter are in `GET /api/katas/{kata_id}`."""
    after = _uncursor(cursor, (str,))[0] if cursor else ""
    public = catalog.katas  # one catalog for the whole page, whatever is published meanwhile
    ids = sorted(kata_id for kata_id in public if kata_id > after)
    page = ids[:limit]
    _next_page(request, response, _cursor(page[-1]) if len(ids) > limit else None)
    return [_kata_summary(public[kata_id]) for kata_id in page]


@router.get(
    "/katas/{kata_id}",
    response_model=KataOut,
    responses={401: _ERRORS[401], 404: _ERRORS[404]},
    tags=["katas"],
)
def read_kata(user: CurrentUser, kata: KataDep) -> dict[str, Any]:
    """One kata with its statement, starter code and limits."""
    return {**_kata_summary(kata), "statement": kata.statement, "starter": kata.starter}


@router.get("/session", response_model=SessionInfo, responses={401: _ERRORS[401]})
def session_info(request: Request, user: CurrentUser) -> SessionInfo:
    """Who is logged in, and the CSRF token their POSTs must carry."""
    return SessionInfo(username=user.username, csrf_token=request.state.csrf_token)


@router.post(
    "/submissions",
    status_code=202,
    response_model=SubmissionCreated,
    responses={
        **_ERRORS,
        413: {"model": Problem, "description": "The source is over 64 KiB."},
        429: {"model": Problem, "description": "Too many runs and submissions this minute."},
    },
)
def create_submission(
    body: SubmissionIn,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    limits: LimitsDep,
    queue: QueueDep,
) -> SubmissionCreated:
    """Store the code and queue it for grading; poll the returned url for the verdict."""
    kata = catalog.kata(body.kata_id)
    if kata is None:
        raise HTTPException(404, "There is no kata with that id.")
    try:
        submission = submissions.submit(
            session=session,
            queue=queue,
            user=user,
            kata=kata,
            source=body.source,
            kind=Kind(body.kind),
            per_minute=limits.per_minute,
            limits=limits,
            version_id=catalog.kata_version_of(kata),
        )
    except SubmissionRefused as refused:
        headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else None
        raise HTTPException(refused.status_code, refused.message, headers=headers) from None
    assert submission.id is not None
    return SubmissionCreated(
        id=submission.id, status=submission.status, url=f"/api/submissions/{submission.id}"
    )


@router.get(
    "/submissions/{submission_id}",
    response_model=SubmissionOut,
    responses={
        401: _ERRORS[401],
        404: _ERRORS[404],
        429: {"model": Problem, "description": "Too many long-polls of yours open at once."},
    },
)
async def read_submission(
    request: Request,
    user: CurrentUser,
    settings: SettingsDep,
    submission_id: Annotated[int, Path(ge=1)],
    wait: Annotated[
        float,
        Query(ge=0, le=WAIT_MAX_SECONDS, description="Wait up to this many seconds for done."),
    ] = 0,
) -> SubmissionOut:
    """One of your submissions; with `wait`, answers as soon as it is done (or when time is up).

    A waiting request ends early when its client goes away; each user may hold only
    `waits_per_user` of them open at once (per web process), so waits cannot pile up.
    """
    engine: Engine = request.app.state.engine
    submission = await run_in_threadpool(_own, engine, user, submission_id)
    if submission.status == Status.done or wait == 0:
        return SubmissionOut.model_validate(submission, from_attributes=True)
    waiting = _waits(request)
    assert user.id is not None
    if waiting[user.id] >= settings.waits_per_user:
        raise HTTPException(
            429,
            f"You already have {waiting[user.id]} requests waiting for verdicts; "
            "wait for one to answer first.",
            headers={"Retry-After": "1"},
        )
    waiting[user.id] += 1
    try:
        deadline = time.monotonic() + wait
        while submission.status != Status.done and time.monotonic() < deadline:
            await asyncio.sleep(_POLL_SECONDS)
            if await request.is_disconnected():
                break
            submission = await run_in_threadpool(_own, engine, user, submission_id)
    finally:
        waiting[user.id] -= 1
        if not waiting[user.id]:
            del waiting[user.id]
    return SubmissionOut.model_validate(submission, from_attributes=True)


def _waits(request: Request) -> Counter[int]:
    """Open long-polls per user id in this process (only the event loop touches it)."""
    state = request.app.state
    if not hasattr(state, "api_waits"):
        state.api_waits = Counter()
    waits: Counter[int] = state.api_waits
    return waits


@router.get(
    "/submissions",
    response_model=list[SubmissionSummary],
    responses={400: _ERRORS[400], 401: _ERRORS[401], 200: {"headers": _PAGED}},
)
def list_submissions(
    request: Request,
    response: Response,
    session: SessionDep,
    user: CurrentUser,
    kata_id: Annotated[str | None, Query(max_length=120)] = None,
    cursor: _Cursor = None,
    limit: _Limit = 50,
) -> list[SubmissionSummary]:
    """Your submissions, newest first, optionally for one kata."""
    before = None
    if cursor:
        at, last_id = _uncursor(cursor, (str, int))
        try:
            before = (datetime.fromisoformat(at), last_id)
        except ValueError:
            raise HTTPException(400, "The cursor is not one this API handed out.") from None
    found = submissions.list_submissions(
        session=session, user=user, kata_id=kata_id, limit=limit + 1, before=before
    )
    page = found[:limit]
    next_cursor = None
    if len(found) > limit:
        last = page[-1]
        assert last.id is not None
        next_cursor = _cursor(as_utc(last.created_at).isoformat(), last.id)
    _next_page(request, response, next_cursor)
    return [SubmissionSummary.model_validate(item, from_attributes=True) for item in page]


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: Request) -> JSONResponse:
    """The OpenAPI schema of the API routes (the HTML pages are not an API)."""
    # Every feature's /api/ routes, whichever module declares them; the pages are left out.
    full = copy.deepcopy(request.app.openapi())
    schema = {
        **full,
        "info": {"title": "Katabank API", "version": request.app.version, "description": __doc__},
        "paths": {path: ops for path, ops in full["paths"].items() if path.startswith("/api/")},
    }
    # FastAPI documents 422 for a malformed request; this app answers 400 with `detail`. A
    # 422 a route documents itself (a well-formed request the domain refuses) stays.
    for operation in (op for path in schema["paths"].values() for op in path.values()):
        if operation["responses"].get("422", {}).get("description") == "Validation Error":
            del operation["responses"]["422"]
            operation["responses"]["400"] = {
                **_ERRORS[400],
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                },
            }
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    schemas["Problem"] = Problem.model_json_schema()
    components["securitySchemes"] = {
        "bearerToken": {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token from your account page; no CSRF header needed.",
        },
        "sessionCookie": {
            "type": "apiKey",
            "in": "cookie",
            "name": SESSION_COOKIE,
            "description": "A browser login; POSTs also need the X-CSRF-Token header.",
        },
    }
    schema["security"] = [{"bearerToken": []}, {"sessionCookie": []}]
    for path, operations in schema["paths"].items():
        if path.startswith(TOKEN_PATH_PREFIXES):  # the invitation token in the path is the key
            for operation in operations.values():
                operation["security"] = []
    return JSONResponse(schema)


def _own(engine: Engine, user: User, submission_id: int) -> Submission:
    with Session(engine, expire_on_commit=False) as session:
        found = submissions.get_submission(session=session, user=user, submission_id=submission_id)
    if found is None:
        raise HTTPException(404, "There is no submission of yours with that id.")
    return found
