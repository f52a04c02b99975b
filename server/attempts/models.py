"""Tables of the attempt engine: an attempt, its frozen items, and their answer snapshots.

An attempt copies its items in as data when it starts (kind, question or kata id, an authored
kata's version, points, section, time hint), so editing a set or a kata later never changes a
started attempt. The owner is a user for a mock interview; it is nullable so an assessment
attempt can belong to an invitation instead (the hiring tables point at the attempt, not the
other way round).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from server.models import utcnow

__all__ = [
    "AnswerSnapshot",
    "Attempt",
    "AttemptItem",
    "AttemptKind",
    "AttemptState",
    "ItemKind",
]


# Stored as plain strings, not database enums, so a new kind or state needs no type migration.
class AttemptKind(StrEnum):
    mock = "mock"
    assessment = "assessment"


class AttemptState(StrEnum):
    in_progress = "in_progress"
    submitted = "submitted"  # answers final, grading under way
    graded = "graded"
    abandoned = "abandoned"


class ItemKind(StrEnum):
    concept = "concept"
    kata = "kata"


class Attempt(SQLModel, table=True):
    """A timed attempt at a set of items; `deadline_at` is fixed at start and stored in UTC."""

    id: int | None = Field(default=None, primary_key=True)
    kind: AttemptKind = Field(default=AttemptKind.mock, sa_type=String(16))
    user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    title: str = Field(max_length=200)
    # How the set was asked for (minutes, topics, difficulty, preset...), for the history page.
    plan: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    state: AttemptState = Field(default=AttemptState.in_progress, sa_type=String(16), index=True)
    started_at: datetime = Field(default_factory=utcnow)
    deadline_at: datetime = Field(index=True)
    submitted_at: datetime | None = None
    graded_at: datetime | None = None
    score: float | None = None
    max_score: float = 0.0
    # The item on screen since `current_since`: its time is added when the user moves on.
    current_item_id: int | None = None
    current_since: datetime | None = None
    # The interviewer-seat link's token, hashed; None when there is no link (or it was revoked).
    seat_token_hash: str | None = Field(default=None, max_length=64, index=True)


class AttemptItem(SQLModel, table=True):
    """One frozen item of an attempt with the answer so far and, once graded, its score."""

    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="attempt.id", index=True)
    position: int
    kind: ItemKind = Field(sa_type=String(8))
    question_id: str | None = Field(default=None, foreign_key="question.id", max_length=120)
    kata_id: str | None = Field(default=None, foreign_key="kata.id", max_length=120)
    # The authored kata's version frozen in at start, so a later edit changes nothing for this
    # attempt; None for a kata from the files (see Submission.kata_version_id).
    kata_version_id: int | None = None
    points: float = 1.0
    section: str | None = Field(default=None, max_length=120)
    time_hint_seconds: int | None = None
    answer: str = Field(default="", sa_column=Column(Text, nullable=False))
    flagged: bool = False
    seconds_spent: int = 0
    score: float | None = None
    verdict: str | None = Field(default=None, max_length=16)
    covered_key_points: list[int] | None = Field(default=None, sa_column=Column(JSON))
    # The hidden-test submission that grades a kata item; it shows in the kata's history too.
    submission_id: int | None = Field(default=None, foreign_key="submission.id")
    # The typed-answer practice event a concept item became, for the spaced-repetition rating.
    practice_event_id: int | None = Field(default=None, foreign_key="practiceevent.id")
    interviewer_id: int | None = Field(default=None, foreign_key="user.id")
    interviewer_score: float | None = None
    interviewer_notes: str | None = Field(default=None, sa_column=Column(Text))


class AnswerSnapshot(SQLModel, table=True):
    """Append-only history of an item's answer: one row per saved change (for playback)."""

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="attemptitem.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    body: str = Field(sa_column=Column(Text, nullable=False))
