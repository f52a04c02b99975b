"""Accounts: users, password hashes (argon2), server-side login sessions, the login rate limit."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from server.models import LoginAttempt, LoginSession, Role, User, utcnow

__all__ = [
    "PASSWORD_MAX",
    "PASSWORD_MIN",
    "USERNAME_MAX",
    "USERNAME_MIN",
    "AccountError",
    "LoginPolicy",
    "LoginRefused",
    "RateLimited",
    "authenticate",
    "create_user",
    "end_login",
    "find_login",
    "hash_password",
    "normalise_username",
    "password_problem",
    "start_login",
    "username_problem",
    "verify_password",
]

USERNAME_MIN, USERNAME_MAX = 3, 40
PASSWORD_MIN, PASSWORD_MAX = 8, 256
_USERNAME = re.compile(r"[A-Za-z0-9_.-]+")
_hasher = PasswordHasher()
# Verified against when the username is unknown, so both failures take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """Input that cannot make an account; `errors` maps a form field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class LoginRefused(Exception):
    """Wrong username or password (which one is not said)."""


class RateLimited(Exception):
    """Too many failed logins for this username from this client; try again later."""

    def __init__(self, retry_after: timedelta) -> None:
        super().__init__(f"retry after {retry_after}")
        self.retry_after = retry_after


@dataclass(frozen=True)
class LoginPolicy:
    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalise_username(username: str) -> str:
    """Usernames are case-insensitive: `Alice` and `alice` are one account."""
    return username.strip().lower()


def username_problem(username: str) -> str | None:
    if not USERNAME_MIN <= len(username) <= USERNAME_MAX:
        return f"A username has {USERNAME_MIN} to {USERNAME_MAX} characters."
    if not _USERNAME.fullmatch(username):
        return "A username uses only letters, digits, dots, dashes and underscores."
    return None


def password_problem(password: str) -> str | None:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        return f"A password has {PASSWORD_MIN} to {PASSWORD_MAX} characters."
    return None


def create_user(
    *, session: Session, username: str, password: str, role: Role = Role.candidate
) -> User:
    """A new account; raises `AccountError` naming each bad field."""
    username = normalise_username(username)
    errors = {
        field: problem
        for field, problem in (
            ("username", username_problem(username)),
            ("password", password_problem(password)),
        )
        if problem
    }
    if "username" not in errors and _user_named(session, username) is not None:
        errors["username"] = "That username is taken."
    if errors:
        raise AccountError(errors)
    user = User(username=username, password_hash=hash_password(password), role=role)
    session.add(user)
    try:
        session.commit()
    except IntegrityError:  # registered by a request racing this one since the check above
        session.rollback()
        raise AccountError({"username": "That username is taken."}) from None
    session.refresh(user)
    return user


def _user_named(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username)).first()


def authenticate(
    *,
    session: Session,
    username: str,
    password: str,
    client: str,
    policy: LoginPolicy = LoginPolicy(),
    now: datetime | None = None,
) -> User:
    """The user with these credentials; raises `RateLimited` or `LoginRefused`.

    Each failure is recorded; once `policy.max_failures` failures for this username from this
    client fall within `policy.window`, further attempts are refused without checking the
    password until the oldest of them leaves the window.
    """
    now = now or utcnow()
    username = normalise_username(username)[:USERNAME_MAX]
    client = client[:64]
    since = now - policy.window
    recent = session.exec(
        select(func.count(), func.min(LoginAttempt.at)).where(
            LoginAttempt.username == username,
            LoginAttempt.client == client,
            col(LoginAttempt.at) > since,
        )
    ).one()
    failures, oldest = recent
    if failures >= policy.max_failures:
        raise RateLimited(retry_after=max(oldest + policy.window - now, timedelta(seconds=1)))
    user = _user_named(session, username)
    if user is None:
        verify_password(_DUMMY_HASH, password)
    elif verify_password(user.password_hash, password):
        session.exec(
            delete(LoginAttempt).where(
                col(LoginAttempt.username) == username, col(LoginAttempt.client) == client
            )
        )
        session.commit()
        return user
    # Failures that have left the window no longer count for anyone; drop them here so the
    # table stays small without a separate clean-up job.
    session.exec(delete(LoginAttempt).where(col(LoginAttempt.at) <= since))
    session.add(LoginAttempt(username=username, client=client, at=now))
    session.commit()
    raise LoginRefused()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_login(
    *, session: Session, user: User, lifetime: timedelta, now: datetime | None = None
) -> tuple[str, LoginSession]:
    """A new login session for `user`; returns the cookie token (stored only as its hash)."""
    now = now or utcnow()
    assert user.id is not None
    session.exec(
        delete(LoginSession).where(
            col(LoginSession.user_id) == user.id, col(LoginSession.expires_at) <= now
        )
    )
    token = secrets.token_urlsafe(32)
    login = LoginSession(
        token_hash=_token_hash(token),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + lifetime,
    )
    session.add(login)
    session.commit()
    return token, login


def find_login(
    *, session: Session, token: str, now: datetime | None = None
) -> tuple[User, LoginSession] | None:
    """The user and login session behind a cookie token, unless unknown or expired."""
    if not token or len(token) > 128:
        return None
    login = session.get(LoginSession, _token_hash(token))
    if login is None or login.expires_at <= (now or utcnow()):
        return None
    user = session.get(User, login.user_id)
    return (user, login) if user is not None else None


def end_login(*, session: Session, token: str) -> None:
    """Forget the login session behind a cookie token (logging out)."""
    session.exec(delete(LoginSession).where(col(LoginSession.token_hash) == _token_hash(token)))
    session.commit()
