"""Register, log in, log out."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from server import accounts
from server.config import Settings
from server.deps import OptionalUser, SessionDep, SettingsDep, render
from server.middleware import SESSION_COOKIE, cookie_header
from server.models import User
from server.next_page import login_reason, safe_next

router = APIRouter()

# Generous caps so an absurd field is refused outright (400); the real limits are checked by
# accounts.create_user and reported on the form.
_Field = Annotated[str, Form(max_length=1000)]
_Next = Annotated[str, Form(max_length=2000)]


def _logged_in(session: Session, settings: Settings, user: User, target: str) -> Response:
    """Start a login session for `user`, set its cookie and go on to `target`."""
    lifetime = timedelta(days=settings.session_days)
    token, _ = accounts.start_login(session=session, user=user, lifetime=lifetime)
    response = RedirectResponse(safe_next(target), status_code=303)
    max_age = int(lifetime.total_seconds())
    response.headers.append(
        "set-cookie", cookie_header(SESSION_COOKIE, token, settings=settings, max_age=max_age)
    )
    return response


@router.get("/register")
def register_form(request: Request, user: OptionalUser, next: str = "/") -> Response:
    if user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "accounts/register.html", errors={}, username="", next=next)


@router.post("/register")
def register(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    username: _Field = "",
    password: _Field = "",
    next: _Next = "/",
) -> Response:
    try:
        user = accounts.create_user(session=session, username=username, password=password)
    except accounts.AccountError as exc:
        return render(
            request,
            "accounts/register.html",
            status_code=400,
            errors=exc.errors,
            username=username,
            next=next,
        )
    return _logged_in(session, settings, user, next)


@router.get("/login")
def login_form(request: Request, user: OptionalUser, next: str = "/") -> Response:
    if user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(
        request,
        "accounts/login.html",
        error=None,
        username="",
        next=safe_next(next),
        reason=login_reason(next),
    )


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    username: _Field = "",
    password: _Field = "",
    next: _Next = "/",
) -> Response:
    policy = accounts.LoginPolicy(
        max_failures=settings.login_max_failures,
        window=timedelta(minutes=settings.login_window_minutes),
    )
    client = request.client.host if request.client else "unknown"
    try:
        user = accounts.authenticate(
            session=session, username=username, password=password, client=client, policy=policy
        )
    except accounts.RateLimited as exc:
        minutes = max(1, math.ceil(exc.retry_after.total_seconds() / 60))
        return render(
            request,
            "accounts/login.html",
            status_code=429,
            headers={"Retry-After": str(int(exc.retry_after.total_seconds()) + 1)},
            error=f"Too many failed attempts. Try again in {minutes} "
            f"minute{'s' if minutes != 1 else ''}.",
            username=username,
            next=next,
        )
    except accounts.LoginRefused:
        return render(
            request,
            "accounts/login.html",
            status_code=400,
            error="Wrong username or password.",
            username=username,
            next=next,
        )
    return _logged_in(session, settings, user, next)


@router.post("/logout")
def logout(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        accounts.end_login(session=session, token=token)
    response = RedirectResponse("/", status_code=303)
    response.headers.append(
        "set-cookie", cookie_header(SESSION_COOKIE, "", settings=settings, max_age=0)
    )
    return response
