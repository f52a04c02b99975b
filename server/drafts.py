"""Drafts: the code a user is writing for a kata, saved as they type, restored when they return."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from server.models import Draft, User, utcnow
from server.submissions import check_source
from server.upserts import insert_or_update

__all__ = ["get_draft", "save_draft"]


def get_draft(*, session: Session, user: User, kata_id: str) -> Draft | None:
    """The user's saved draft for the kata, if any."""
    return session.get(Draft, (user.id, kata_id))


def save_draft(
    *, session: Session, user: User, kata_id: str, source: str, now: datetime | None = None
) -> Draft:
    """Replace the user's draft for the kata; raises SubmissionRefused (413) when too large.

    One upsert, because the editor's autosave and a Run or Submit (which saves the draft
    first) often arrive together for a kata that has no draft yet.
    """
    check_source(source)
    assert user.id is not None
    insert_or_update(
        session=session,
        model=Draft,
        values={
            "user_id": user.id,
            "kata_id": kata_id,
            "source": source,
            "updated_at": now or utcnow(),
        },
        keys=("user_id", "kata_id"),
        update=("source", "updated_at"),
    )
    session.commit()
    draft = session.get(Draft, (user.id, kata_id), populate_existing=True)
    assert draft is not None
    return draft
