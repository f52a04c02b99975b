"""API tokens: named, revocable keys for scripts, sent as `Authorization: Bearer <token>`.

The token is shown once when created; the table keeps only its SHA-256 (a token is 256 random
bits, so a fast hash is enough, unlike a password) and its first characters, so the owner can
tell tokens apart. A token works on the JSON API only, never on the pages.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlmodel import Field, Session, SQLModel, col, delete, select

from server.models import User, utcnow
from server.reviews import as_utc

__all__ = [
    "NAME_MAX",
    "PREFIX",
    "ApiToken",
    "TokenError",
    "create_token",
    "find_token_user",
    "list_tokens",
    "revoke_token",
]

PREFIX = "kb_"
NAME_MAX = 60
MAX_TOKENS = 20
_TOUCH_EVERY = timedelta(minutes=1)


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=NAME_MAX)
    token_hash: str = Field(max_length=64, unique=True)
    shown: str = Field(max_length=12, description="The token's first characters, to recognise it.")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime | None = None
    last_used_at: datetime | None = None


class TokenError(ValueError):
    """A token that cannot be made; the message says why."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    *,
    session: Session,
    user: User,
    name: str,
    days: int | None,
    now: datetime | None = None,
) -> tuple[str, ApiToken]:
    """A new token for `user`, valid `days` days (None: until revoked); returns it in clear once."""
    now = now or utcnow()
    name = name.strip()
    if not 1 <= len(name) <= NAME_MAX:
        raise TokenError(f"A token's name has 1 to {NAME_MAX} characters.")
    if days is not None and not 1 <= days <= 3650:
        raise TokenError("A token lasts 1 to 3650 days, or until revoked.")
    if len(list_tokens(session=session, user=user)) >= MAX_TOKENS:
        raise TokenError(f"You have {MAX_TOKENS} tokens, the most allowed; revoke one first.")
    assert user.id is not None
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=_hash(token),
        shown=token[:10],
        created_at=now,
        expires_at=now + timedelta(days=days) if days else None,
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return token, row


def list_tokens(*, session: Session, user: User) -> list[ApiToken]:
    return list(
        session.exec(select(ApiToken).where(ApiToken.user_id == user.id).order_by(col(ApiToken.id)))
    )


def revoke_token(*, session: Session, user: User, token_id: int) -> bool:
    """Delete one of the user's tokens; False when they have none with that id."""
    query = delete(ApiToken).where(col(ApiToken.id) == token_id, col(ApiToken.user_id) == user.id)
    deleted = session.exec(query).rowcount  # type: ignore[attr-defined]
    session.commit()
    return bool(deleted)


def find_token_user(*, session: Session, token: str, now: datetime | None = None) -> User | None:
    """The owner of an unexpired token, or None."""
    if not token.startswith(PREFIX) or len(token) > 128:
        return None
    now = now or utcnow()
    found = session.exec(
        select(User, ApiToken)
        .join(ApiToken, col(ApiToken.user_id) == col(User.id))
        .where(ApiToken.token_hash == _hash(token))
    ).first()
    if found is None:
        return None
    user, row = found
    if row.expires_at is not None and as_utc(row.expires_at) <= now:
        return None
    if row.last_used_at is None or now - as_utc(row.last_used_at) >= _TOUCH_EVERY:
        row.last_used_at = now
        session.add(row)
        session.commit()
    return user
