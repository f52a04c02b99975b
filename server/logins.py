"""Login sessions: the cookie holds a random token, the table only its hash.

A login ends at its absolute lifetime or after `idle` without a request, whichever comes first.
`last_seen_at` is written at most once a minute per login, so reading pages costs no write.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, or_, select

from server.models import LoginSession, User, utcnow
from server.reviews import as_utc

__all__ = [
    "SessionPolicy",
    "end_login",
    "end_logins",
    "find_login",
    "list_logins",
    "start_login",
    "token_hash",
]

_TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class SessionPolicy:
    """How long a login lasts: `lifetime` in all, `idle` between two requests."""

    lifetime: timedelta = timedelta(days=30)
    idle: timedelta = timedelta(days=3)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_login(
    *,
    session: Session,
    user: User,
    policy: SessionPolicy,
    client: str = "",
    user_agent: str = "",
    now: datetime | None = None,
) -> tuple[str, LoginSession]:
    """A new login session for `user`; returns the cookie token (stored only as its hash)."""
    now = now or utcnow()
    assert user.id is not None
    session.exec(
        delete(LoginSession).where(
            col(LoginSession.user_id) == user.id,
            or_(
                col(LoginSession.expires_at) <= now,
                col(LoginSession.last_seen_at) <= now - policy.idle,
            ),
        )
    )
    token = secrets.token_urlsafe(32)
    login = LoginSession(
        token_hash=token_hash(token),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        last_seen_at=now,
        expires_at=now + policy.lifetime,
        client=client[:64],
        user_agent=user_agent[:200],
    )
    session.add(login)
    session.commit()
    return token, login


def find_login(
    *, session: Session, token: str, idle: timedelta, now: datetime | None = None
) -> tuple[User, LoginSession] | None:
    """The user and login session behind a cookie token, unless unknown, expired or idle."""
    if not token or len(token) > 128:
        return None
    now = now or utcnow()
    found = session.exec(
        select(User, LoginSession)
        .join(LoginSession, col(LoginSession.user_id) == col(User.id))
        .where(LoginSession.token_hash == token_hash(token))
    ).first()
    if found is None:
        return None
    user, login = found
    seen = as_utc(login.last_seen_at)
    if as_utc(login.expires_at) <= now or seen + idle <= now:
        return None
    if now - seen >= _TOUCH_EVERY:
        login.last_seen_at = now
        session.add(login)
        session.commit()
    return user, login


def list_logins(*, session: Session, user: User, now: datetime | None = None) -> list[LoginSession]:
    """The user's unexpired login sessions, most recently used first."""
    now = now or utcnow()
    return list(
        session.exec(
            select(LoginSession)
            .where(LoginSession.user_id == user.id, col(LoginSession.expires_at) > now)
            .order_by(col(LoginSession.last_seen_at).desc())
        )
    )


def end_login(*, session: Session, token: str) -> None:
    """Forget the login session behind a cookie token (logging out)."""
    session.exec(delete(LoginSession).where(col(LoginSession.token_hash) == token_hash(token)))
    session.commit()


def end_logins(*, session: Session, user: User, keep: str | None = None) -> int:
    """End the user's login sessions, all but the one whose token hash is `keep`; how many."""
    query = delete(LoginSession).where(col(LoginSession.user_id) == user.id)
    if keep is not None:
        query = query.where(col(LoginSession.token_hash) != keep)
    ended = session.exec(query).rowcount  # type: ignore[attr-defined]
    session.commit()
    return int(ended or 0)
