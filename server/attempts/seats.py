"""The interviewer seat: a revocable link the candidate shares with a logged-in peer.

The link holds a random token; only its hash is stored, on the attempt, so the link works
for that attempt alone, and revoking (or making a new one) kills the old link at once. The
interviewer reads the plan with key points and reference answers and the answers as they
are saved, and records a score and notes per item; they can never change an answer.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import Session, select

from server.attempts.attempts import AttemptNotFound, InvalidAnswer, item_of
from server.attempts.models import Attempt, AttemptItem
from server.models import User

__all__ = ["NOTES_MAX_CHARS", "attempt_for_seat", "new_link", "revoke", "score_item"]

NOTES_MAX_CHARS = 4000


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link(*, session: Session, attempt: Attempt) -> str:
    """A new seat token for the attempt (shown once); any earlier link stops working."""
    token = secrets.token_urlsafe(24)
    attempt.seat_token_hash = _hash(token)
    session.add(attempt)
    session.commit()
    return token


def revoke(*, session: Session, attempt: Attempt) -> None:
    attempt.seat_token_hash = None
    session.add(attempt)
    session.commit()


def attempt_for_seat(*, session: Session, token: str, viewer: User) -> Attempt:
    """The attempt this token opens for `viewer`; AttemptNotFound for a wrong or revoked one.

    The candidate cannot be their own interviewer, so their score stays a peer's.
    """
    if not 20 <= len(token) <= 64:
        raise AttemptNotFound("This interviewer link does not work: it is wrong or revoked.")
    attempt = session.exec(select(Attempt).where(Attempt.seat_token_hash == _hash(token))).first()
    if attempt is None:
        raise AttemptNotFound("This interviewer link does not work: it is wrong or revoked.")
    if attempt.user_id == viewer.id:
        raise AttemptNotFound("This is your own interview: share the link with your interviewer.")
    return attempt


def score_item(
    *,
    session: Session,
    attempt: Attempt,
    item_id: int,
    interviewer: User,
    score: float,
    notes: str,
) -> AttemptItem:
    """Record the interviewer's score (0 to the item's points) and notes for one item."""
    item = item_of(session=session, attempt=attempt, item_id=item_id)
    if not 0 <= score <= item.points:
        raise InvalidAnswer(f"The score for item {item_id} must be from 0 to {item.points:g}.")
    if len(notes) > NOTES_MAX_CHARS:
        raise InvalidAnswer(f"Notes are limited to {NOTES_MAX_CHARS:,} characters.")
    item.interviewer_id = interviewer.id
    item.interviewer_score = score
    item.interviewer_notes = notes.strip() or None
    session.add(item)
    session.commit()
    return item
