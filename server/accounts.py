"""Accounts: users, password hashes (argon2), the limits that keep hashing from exhausting us.

Every password check or hash runs through a `HashGate`: at most a few at once, and a request
that cannot get a slot soon is told to come back (`Busy`) instead of queueing for ever. Login
and registration are counted in `server.ratelimit` windows before any hashing starts, so a
burst of parallel guesses is refused by the count, not after the slow check.
Login sessions (cookies) live in `server.logins`.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from server import ratelimit
from server.models import Role, User, utcnow
from server.ratelimit import RateLimited, Window

__all__ = [
    "PASSWORD_MAX",
    "PASSWORD_MIN",
    "USERNAME_MAX",
    "USERNAME_MIN",
    "AccountError",
    "Busy",
    "HashGate",
    "LoginPolicy",
    "LoginRefused",
    "RateLimited",
    "RegistrationPolicy",
    "authenticate",
    "change_password",
    "create_user",
    "find_user",
    "hash_password",
    "normalise_username",
    "password_problem",
    "register",
    "set_password",
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


class Busy(Exception):
    """Every password-hashing slot stayed taken; try again in `retry_after` seconds."""

    retry_after = 1


class HashGate:
    """At most `slots` argon2 hashes or checks at once in this process; waits `wait` seconds
    for a slot, then raises `Busy`, so a flood of logins cannot pile up threads or memory."""

    def __init__(self, slots: int, *, wait: float = 2.0) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._wait = wait

    @contextmanager
    def slot(self) -> Iterator[None]:
        if not self._slots.acquire(timeout=self._wait):
            raise Busy()
        try:
            yield
        finally:
            self._slots.release()


def _unbounded() -> HashGate:
    # The command line and tests that build users directly hash one at a time anyway.
    return HashGate(1_000_000)


@dataclass(frozen=True)
class LoginPolicy:
    """Windows counted before each password check: per username and client (guessing one
    account), per client across usernames (spraying one password over many), and overall."""

    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)
    per_client: int = 30
    per_minute: int = 600
    gate: HashGate = field(default_factory=_unbounded)


@dataclass(frozen=True)
class RegistrationPolicy:
    """Registrations per client address and overall, each per hour."""

    per_client: int = 10
    per_hour: int = 300
    gate: HashGate = field(default_factory=_unbounded)


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
    *,
    session: Session,
    username: str,
    password: str,
    role: Role = Role.candidate,
    gate: HashGate | None = None,
) -> User:
    """A new account; raises `AccountError` naming each bad field (or `Busy`)."""
    username = normalise_username(username)
    errors = {
        field: problem
        for field, problem in (
            ("username", username_problem(username)),
            ("password", password_problem(password)),
        )
        if problem
    }
    if "username" not in errors and find_user(session=session, username=username) is not None:
        errors["username"] = "That username is taken."
    if errors:
        raise AccountError(errors)
    with (gate or _unbounded()).slot():
        password_hash = hash_password(password)
    user = User(username=username, password_hash=password_hash, role=role)
    session.add(user)
    try:
        session.commit()
    except IntegrityError:  # registered by a request racing this one since the check above
        session.rollback()
        raise AccountError({"username": "That username is taken."}) from None
    session.refresh(user)
    return user


def register(
    *,
    session: Session,
    username: str,
    password: str,
    client: str,
    policy: RegistrationPolicy,
    now: datetime | None = None,
) -> User:
    """`create_user` for a visitor, counted against `policy` first; raises RateLimited too."""
    hour = timedelta(hours=1)
    ratelimit.take(
        session=session,
        scopes=[
            ("register-client", client, Window(policy.per_client, hour)),
            ("register", "", Window(policy.per_hour, hour)),
        ],
        now=now,
    )
    return create_user(session=session, username=username, password=password, gate=policy.gate)


def find_user(*, session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == normalise_username(username))).first()


def authenticate(
    *,
    session: Session,
    username: str,
    password: str,
    client: str,
    policy: LoginPolicy = LoginPolicy(),
    now: datetime | None = None,
) -> User:
    """The user with these credentials; raises `RateLimited`, `Busy` or `LoginRefused`.

    The attempt is counted before the password is checked; a right password forgives the
    attempts for this username from this client. A hash made with older argon2 parameters is
    replaced by one with the current parameters.
    """
    now = now or utcnow()
    username = normalise_username(username)[:USERNAME_MAX]
    client = client[:64]
    pair = f"{username} {client}"
    ratelimit.take(
        session=session,
        scopes=[
            ("login", pair, Window(policy.max_failures, policy.window)),
            ("login-client", client, Window(policy.per_client, policy.window)),
            ("login-all", "", Window(policy.per_minute, timedelta(minutes=1))),
        ],
        now=now,
    )
    user = find_user(session=session, username=username)
    with policy.gate.slot():
        if user is None:
            verify_password(_DUMMY_HASH, password)
            raise LoginRefused()
        if not verify_password(user.password_hash, password):
            raise LoginRefused()
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
            session.add(user)
            session.commit()
    ratelimit.forget(session=session, scope="login", key=pair)
    return user


def set_password(*, session: Session, user: User, password: str) -> None:
    """Give `user` a new password; raises AccountError when it is too short or long."""
    problem = password_problem(password)
    if problem:
        raise AccountError({"password": problem})
    user.password_hash = hash_password(password)
    session.add(user)
    session.commit()


def change_password(
    *, session: Session, user: User, current: str, new: str, gate: HashGate
) -> None:
    """Replace the password after checking the current one; raises AccountError or Busy."""
    problem = password_problem(new)
    if problem:
        raise AccountError({"new_password": problem})
    with gate.slot():
        if not verify_password(user.password_hash, current):
            raise AccountError({"current_password": "That is not your current password."})
        user.password_hash = hash_password(new)
    session.add(user)
    session.commit()
