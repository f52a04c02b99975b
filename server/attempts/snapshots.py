"""Answer snapshots: every saved change to an item's answer, appended and never rewritten.

The item row holds the latest answer for quick reads; the snapshots are its history, for
code playback in reports and to show that nothing typed was lost.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from server.attempts.models import AnswerSnapshot, AttemptItem

__all__ = ["append", "history"]


def append(*, session: Session, item: AttemptItem, body: str, now: datetime) -> bool:
    """Make `body` the item's answer, adding a snapshot if it changed; whether it did.

    The caller commits, so the answer and its snapshot land together or not at all.
    """
    assert item.id is not None
    if body == item.answer:
        return False
    item.answer = body
    session.add(item)
    session.add(AnswerSnapshot(item_id=item.id, at=now, body=body))
    return True


def history(*, session: Session, item: AttemptItem) -> list[AnswerSnapshot]:
    """The item's snapshots, oldest first."""
    return list(
        session.exec(
            select(AnswerSnapshot)
            .where(AnswerSnapshot.item_id == item.id)
            .order_by(col(AnswerSnapshot.at), col(AnswerSnapshot.id))
        ).all()
    )
