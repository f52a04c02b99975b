"""Writes to one item of an attempt, shared by the attempts API and the candidate's take API:
the request bodies of saving an answer and flagging an item, and their handling.

The two APIs differ only in how they find the attempt (the caller's own, or the invitation
token's); what a save or a flag does, and answers, is the attempt engine's and the same.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field, model_validator
from sqlmodel import Session

from server.attempts import attempts
from server.attempts.models import Attempt, ItemKind
from server.reviews import as_utc

__all__ = ["AnswerIn", "FlagIn", "Saved", "flag_item", "save_item"]


class AnswerIn(BaseModel):
    answer: str | None = Field(default=None, description="For a concept item.")
    source: str | None = Field(default=None, description="For a kata item.")

    @model_validator(mode="after")
    def one_of(self) -> AnswerIn:
        if (self.answer is None) == (self.source is None):
            raise ValueError("send exactly one of 'answer' (concepts) or 'source' (katas)")
        return self

    @property
    def text(self) -> str:
        """The answer or the source, whichever was sent."""
        return self.answer if self.answer is not None else self.source or ""


class Saved(BaseModel):
    item_id: int
    deadline_at: datetime
    server_now: datetime


class FlagIn(BaseModel):
    flagged: bool


def save_item(
    *, session: Session, attempt: Attempt, item_id: int, body: AnswerIn, now: datetime
) -> Saved:
    """Save an item's answer (each change is kept as a snapshot); AttemptError if refused."""
    kind = ItemKind.concept if body.answer is not None else ItemKind.kata
    attempts.save_answer(
        session=session, attempt=attempt, item_id=item_id, answer=body.text, kind=kind, now=now
    )
    return Saved(item_id=item_id, deadline_at=as_utc(attempt.deadline_at), server_now=now)


def flag_item(
    *, session: Session, attempt: Attempt, item_id: int, body: FlagIn, now: datetime
) -> Saved:
    """Flag an item to come back to, or clear the flag; AttemptError if refused."""
    attempts.set_flag(
        session=session, attempt=attempt, item_id=item_id, flagged=body.flagged, now=now
    )
    return Saved(item_id=item_id, deadline_at=as_utc(attempt.deadline_at), server_now=now)
