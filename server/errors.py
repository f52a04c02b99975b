"""Error pages: every failure a browser can cause ends in a friendly page, never a bare 500."""

from __future__ import annotations

import logging
from http import HTTPStatus
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from server import db
from server.attempts.attempts import AttemptError
from server.templating import render

__all__ = [
    "LoginRequired",
    "database_error",
    "error_response",
    "install_error_handlers",
    "wants_json",
]

log = logging.getLogger(__name__)

_TITLES = {
    400: "That request did not make sense",
    401: "Please log in",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed here",
    409: "Someone got there first",
    413: "Too much data",
    429: "Too many attempts",
    500: "Something went wrong on our side",
    503: "Not available just now",
}
_MESSAGES = {
    400: "Some of what was sent is missing or malformed. Go back and try again.",
    403: "You do not have permission to do that.",
    404: "There is no page at this address.",
    405: "This address does not accept that kind of request.",
    409: "That clashed with a change saved at the same moment. Reload the page and try again.",
    413: "The request was larger than this site accepts.",
    429: "Please wait a little and try again.",
    500: "The error has been logged. Please try again in a moment.",
}


class LoginRequired(Exception):
    """Raised by `CurrentUser` for an anonymous request: pages redirect, APIs get 401."""


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return request.url.path.startswith("/api/") or (
        "application/json" in accept and "text/html" not in accept
    )


def error_response(
    request: Request,
    status_code: int,
    message: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The error as JSON for API clients, as a page for browsers."""
    text = message or _MESSAGES.get(status_code) or HTTPStatus(status_code).phrase
    if wants_json(request):
        return JSONResponse({"detail": text}, status_code=status_code, headers=headers)
    return render(
        request,
        "errors/error.html",
        status_code=status_code,
        headers=headers,
        code=status_code,
        title=_TITLES.get(status_code) or HTTPStatus(status_code).phrase,
        message=text,
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail: str | None = exc.detail if isinstance(exc.detail, str) else None
    if detail == HTTPStatus(exc.status_code).phrase:
        detail = None  # Starlette's default detail is just the phrase; say something useful
    if exc.status_code == 405 and request.method == "HEAD":
        return Response(status_code=405, headers=exc.headers)
    return error_response(request, exc.status_code, detail, dict(exc.headers or {}))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = sorted({str(error["loc"][-1]) for error in exc.errors() if error.get("loc")})
    message = _MESSAGES[400]
    if fields:
        message = f"These fields are missing or invalid: {', '.join(fields)}."
    return error_response(request, 400, message)


async def _refused(request: Request, exc: Exception) -> Response:
    # A refusal of the attempt or hiring domain names its own status: routes need not catch it.
    assert isinstance(exc, AttemptError)
    return error_response(request, exc.status_code, exc.message)


async def _login_required(request: Request, exc: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    login_url = f"/login?next={quote(target, safe='/')}"
    if wants_json(request):
        return error_response(request, 401, "Log in first.")
    if request.headers.get("hx-request"):
        return Response(status_code=401, headers={"HX-Redirect": login_url})
    return RedirectResponse(login_url, status_code=303)


async def _conflict(request: Request, exc: Exception) -> Response:
    # Two requests racing for one unique row (on Postgres as on SQLite): the loser is told so.
    # Domain code that expects a race says something more precise before it gets here.
    log.warning("conflict on %s %s: %s", request.method, request.url.path, exc)
    return error_response(request, 409)


def database_error(request: Request, exc: OperationalError) -> Response:
    """A 503 for a moment's trouble: a database that restarted under a pooled connection, is
    down, or is locked (SQLAlchemy has already dropped the pool's dead connections). Anything
    else, a missing table say, is a bug: the generic error page, and its traceback logged."""
    if not db.transient(exc):
        return _unhandled(request, exc)
    log.error("database unavailable on %s %s: %s", request.method, request.url.path, exc)
    message = "The site could not reach its database just now. Please try again in a moment."
    return error_response(request, 503, message, {"Retry-After": "5"})


async def _database_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OperationalError)
    return database_error(request, exc)


def _unhandled(request: Request, exc: Exception) -> Response:
    """The generic error page for a bug; the error is logged with its traceback."""
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    try:
        return error_response(request, 500)
    except Exception:  # the error page itself failed: fall back to plain text
        log.exception("error page failed")
        return Response(_MESSAGES[500], status_code=500, media_type="text/plain")


async def _server_error(request: Request, exc: Exception) -> Response:
    return _unhandled(request, exc)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(AttemptError, _refused)
    app.add_exception_handler(IntegrityError, _conflict)
    app.add_exception_handler(OperationalError, _database_error)
    app.add_exception_handler(Exception, _server_error)
