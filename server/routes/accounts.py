"""Register, log in, log out; the account page: password, active logins, API tokens."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from server import accounts, apitokens, logins
from server.config import Settings
from server.deps import CurrentUser, OptionalUser, SessionDep, SettingsDep, render
from server.middleware import SESSION_COOKIE, cookie_header
from server.models import User
from server.next_page import login_reason, safe_next
from server.ratelimit import RateLimited

router = APIRouter()

# Generous caps so an absurd field is refused outright (400); the real limits are checked by
# accounts.create_user and reported on the form.
_Field = Annotated[str, Form(max_length=1000)]
_Next = Annotated[str, Form(max_length=2000)]
_BUSY = "The server is busy checking passwords. Try again in a moment."


def _gate(request: Request) -> accounts.HashGate:
    gate: accounts.HashGate = request.app.state.hash_gate
    return gate


def session_policy(settings: Settings) -> logins.SessionPolicy:
    return logins.SessionPolicy(
        lifetime=timedelta(days=settings.session_days),
        idle=timedelta(hours=settings.session_idle_hours),
    )


def _wait_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"Too many attempts. Try again in {minutes} minute{'s' if minutes != 1 else ''}."


def _logged_in(
    request: Request, session: Session, settings: Settings, user: User, target: str
) -> Response:
    """Start a login session for `user`, set its cookie and go on to `target`."""
    policy = session_policy(settings)
    token, _ = logins.start_login(
        session=session,
        user=user,
        policy=policy,
        client=request.state.client,
        user_agent=request.headers.get("user-agent", ""),
    )
    response = RedirectResponse(safe_next(target), status_code=303)
    max_age = int(policy.lifetime.total_seconds())
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
    policy = accounts.RegistrationPolicy(
        per_client=settings.register_max_per_client,
        per_hour=settings.register_max_per_hour,
        gate=_gate(request),
    )
    form: dict[str, Any] = {"username": username, "next": next}
    try:
        user = accounts.register(
            session=session,
            username=username,
            password=password,
            client=request.state.client,
            policy=policy,
        )
    except accounts.AccountError as exc:
        return render(request, "accounts/register.html", status_code=400, errors=exc.errors, **form)
    except RateLimited as exc:
        return render(
            request,
            "accounts/register.html",
            status_code=429,
            headers={"Retry-After": str(exc.seconds)},
            errors={"form": _wait_message(exc.seconds)},
            **form,
        )
    except accounts.Busy as exc:
        return render(
            request,
            "accounts/register.html",
            status_code=503,
            headers={"Retry-After": str(exc.retry_after)},
            errors={"form": _BUSY},
            **form,
        )
    return _logged_in(request, session, settings, user, next)


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
        per_client=settings.login_max_per_client,
        per_minute=settings.login_max_per_minute,
        gate=_gate(request),
    )
    form: dict[str, Any] = {"username": username, "next": next}
    try:
        user = accounts.authenticate(
            session=session,
            username=username,
            password=password,
            client=request.state.client,
            policy=policy,
        )
    except RateLimited as exc:
        return render(
            request,
            "accounts/login.html",
            status_code=429,
            headers={"Retry-After": str(exc.seconds)},
            error=_wait_message(exc.seconds),
            **form,
        )
    except accounts.Busy as exc:
        return render(
            request,
            "accounts/login.html",
            status_code=503,
            headers={"Retry-After": str(exc.retry_after)},
            error=_BUSY,
            **form,
        )
    except accounts.LoginRefused:
        return render(
            request,
            "accounts/login.html",
            status_code=400,
            error="Wrong username or password.",
            **form,
        )
    return _logged_in(request, session, settings, user, next)


@router.post("/logout")
def logout(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        logins.end_login(session=session, token=token)
    response = RedirectResponse("/", status_code=303)
    response.headers.append(
        "set-cookie", cookie_header(SESSION_COOKIE, "", settings=settings, max_age=0)
    )
    return response


def _account_page(
    request: Request,
    session: Session,
    user: User,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    notice: str | None = None,
    new_token: str | None = None,
) -> Response:
    return render(
        request,
        "accounts/account.html",
        status_code=status_code,
        errors=errors or {},
        notice=notice,
        new_token=new_token,
        logins=logins.list_logins(session=session, user=user),
        current=request.state.login.token_hash if request.state.login else None,
        tokens=apitokens.list_tokens(session=session, user=user),
        name_max=apitokens.NAME_MAX,
    )


@router.get("/account")
def account(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    return _account_page(request, session, user)


@router.post("/account/password")
def change_password(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    current_password: _Field = "",
    new_password: _Field = "",
) -> Response:
    """A new password ends every other login, so a thief's session does not outlive it."""
    try:
        accounts.change_password(
            session=session,
            user=user,
            current=current_password,
            new=new_password,
            gate=_gate(request),
        )
    except accounts.AccountError as exc:
        return _account_page(request, session, user, status_code=400, errors=exc.errors)
    except accounts.Busy as exc:
        raise HTTPException(503, _BUSY, headers={"Retry-After": str(exc.retry_after)}) from None
    ended = logins.end_logins(session=session, user=user, keep=request.state.login.token_hash)
    return _account_page(
        request, session, user, notice=f"Password changed; {_count(ended, 'other login')} ended."
    )


@router.post("/account/logins/end")
def end_other_logins(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    """Log out everywhere else; this browser stays logged in."""
    ended = logins.end_logins(session=session, user=user, keep=request.state.login.token_hash)
    return _account_page(request, session, user, notice=f"{_count(ended, 'other login')} ended.")


@router.post("/account/tokens")
def create_token(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form(max_length=200)] = "",
    days: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    try:
        lifetime = int(days) if days.strip() else None
    except ValueError:
        lifetime = -1
    try:
        token, _ = apitokens.create_token(session=session, user=user, name=name, days=lifetime)
    except apitokens.TokenError as exc:
        return _account_page(request, session, user, status_code=400, errors={"token": str(exc)})
    return _account_page(request, session, user, new_token=token)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    token_id: Annotated[int, Path(ge=1)],
) -> Response:
    if not apitokens.revoke_token(session=session, user=user, token_id=token_id):
        raise HTTPException(404, "You have no token with that id.")
    return _account_page(request, session, user, notice="Token revoked.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"
