"""Drafts: the code a user is writing for a kata, saved as they type, restored when they return."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from server.models import Draft, User, utcnow
from server.submissions import check_source

__all__ = ["get_draft", "save_draft"]


def get_draft(*, session: Session, user: User, kata_id: str) -> Draft | None:
    """The user's saved draft for the kata, if any."""
    return session.get(Draft, (user.id, kata_id))


def save_draft(
    *, session: Session, user: User, kata_id: str, source: str, now: datetime | None = None
) -> Draft:
    """Replace the user's draft for the kata; raises SubmissionRefused (413) when too large."""
    check_source(source)
    draft = get_draft(session=session, user=user, kata_id=kata_id)
    if draft is None:
        assert user.id is not None
        draft = Draft(user_id=user.id, kata_id=kata_id, source=source)
    draft.source = source
    draft.updated_at = now or utcnow()
    session.add(draft)
    session.commit()
    return draft
