"""Rate limits: sliding windows counted in the database, so they hold across processes and restarts.

`take` records an event first and only then counts, so parallel requests cannot all see room
that only one of them may use: every request counts after its own row is committed, and the
last one to count sees all the others. A refused event is deleted again, so hammering a full
window does not keep it full for ever; an accepted one stays until it leaves the window.
`check` is the same arithmetic for counts taken from another table (submissions).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from sqlalchemy import Index
from sqlmodel import Field, Session, SQLModel, col, delete, func, select

from server.models import utcnow
from server.reviews import as_utc

__all__ = ["RateEvent", "RateLimited", "Window", "check", "forget", "take"]


class RateEvent(SQLModel, table=True):
    """One counted event (a login attempt, a registration...) in the window named by `scope`."""

    __tablename__ = "rate_event"
    __table_args__ = (Index("ix_rate_event_scope_key_at", "scope", "key", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    scope: str = Field(max_length=24)
    key: str = Field(max_length=120)
    at: datetime = Field(default_factory=utcnow, index=True)


@dataclass(frozen=True)
class Window:
    """At most `limit` events per `period`."""

    limit: int
    period: timedelta


class RateLimited(Exception):
    """The window is full; `retry_after` is when its oldest event leaves it."""

    def __init__(self, scope: str, retry_after: timedelta) -> None:
        super().__init__(f"{scope}: retry after {retry_after}")
        self.scope = scope
        self.retry_after = retry_after

    @property
    def seconds(self) -> int:
        """Whole seconds to wait, at least one (for a Retry-After header)."""
        return max(1, ceil(self.retry_after.total_seconds()))


def check(
    *, scope: str, count: int, oldest: datetime | None, window: Window, now: datetime
) -> None:
    """Raise RateLimited when `count` events since `now - window.period` reach the limit."""
    if count >= window.limit and oldest is not None:
        raise RateLimited(scope, max(as_utc(oldest) + window.period - now, timedelta(seconds=1)))


def take(
    *,
    session: Session,
    scopes: list[tuple[str, str, Window]],
    now: datetime | None = None,
) -> None:
    """Count one event in each (scope, key, window); all or nothing. Raises RateLimited.

    The events are committed before counting; when any window is over its limit, this call's
    events are deleted again and the fullest window's wait is raised.
    """
    now = now or utcnow()
    events = [RateEvent(scope=scope, key=key[:120], at=now) for scope, key, _ in scopes]
    session.add_all(events)
    session.commit()
    refused: RateLimited | None = None
    for scope, key, window in scopes:
        since = now - window.period
        count, oldest = session.exec(
            select(func.count(), func.min(RateEvent.at)).where(
                RateEvent.scope == scope,
                RateEvent.key == key[:120],
                col(RateEvent.at) > since,
            )
        ).one()
        try:
            # This event is among `count`; the window is full only when it pushed it over.
            check(scope=scope, count=count - 1, oldest=oldest, window=window, now=now)
        except RateLimited as exc:
            if refused is None or exc.retry_after > refused.retry_after:
                refused = exc
    if refused is not None:
        ids = [event.id for event in events]
        session.exec(delete(RateEvent).where(col(RateEvent.id).in_(ids)))
        session.commit()
        raise refused
    # Events that left their window count for nobody; dropping them here keeps the table
    # small without a clean-up job. Each scope has one window length, so this is exact.
    for scope, _, window in scopes:
        session.exec(
            delete(RateEvent).where(
                col(RateEvent.scope) == scope, col(RateEvent.at) <= now - window.period
            )
        )
    session.commit()


def forget(*, session: Session, scope: str, key: str) -> None:
    """Drop every event of `key` in `scope` (a successful login forgives earlier failures)."""
    session.exec(
        delete(RateEvent).where(col(RateEvent.scope) == scope, col(RateEvent.key) == key[:120])
    )
    session.commit()
