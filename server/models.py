"""SQLModel tables: people and what they did. Content (questions, katas) lives in files.

Questions and katas are mirrored here by their stable ids so history can point at them;
a question or kata removed from the files keeps its row (with `removed_at` set) and its
history. Mock interviews and managers' question sets will reference the same ids.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(StrEnum):
    candidate = "candidate"
    manager = "manager"
    admin = "admin"


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=40)
    password_hash: str
    role: Role = Field(default=Role.candidate)
    created_at: datetime = Field(default_factory=utcnow)


class LoginSession(SQLModel, table=True):
    """A signed-in browser: the cookie holds a random token, the table only its hash."""

    token_hash: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(foreign_key="user.id", index=True)
    csrf_token: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    last_seen_at: datetime = Field(default_factory=utcnow)
    client: str = Field(default="", max_length=64)
    user_agent: str = Field(default="", max_length=200)


class Question(SQLModel, table=True):
    """Mirror of a question file, synced by id at start-up.

    A row with an `owner_id` mirrors a manager's private question (server/hiring/questions.py)
    so that attempt items can point at it; it is never part of the public bank.
    """

    id: str = Field(primary_key=True, max_length=120)
    prompt: str
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    difficulty: str = Field(max_length=16)
    source: str
    removed_at: datetime | None = None
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)


class Kata(SQLModel, table=True):
    """Mirror of a kata folder, synced by id at start-up.

    A row with an `owner_id` mirrors a kata written in the browser (server/authoring), so that
    submissions can point at it; the folder sync leaves it alone.
    """

    id: str = Field(primary_key=True, max_length=120)
    title: str
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    difficulty: str = Field(max_length=16)
    removed_at: datetime | None = None
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)


class Card(SQLModel, table=True):
    """One user's FSRS schedule for one question; created when the card is first introduced."""

    __table_args__ = (UniqueConstraint("user_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    question_id: str = Field(foreign_key="question.id", index=True, max_length=120)
    fsrs_card: dict = Field(sa_column=Column(JSON, nullable=False))
    due: datetime = Field(index=True)
    introduced_at: datetime = Field(default_factory=utcnow)


class PracticeEvent(SQLModel, table=True):
    """Every review or typed answer, kept for good: who, what, when, how, and how well."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    question_id: str = Field(foreign_key="question.id", index=True, max_length=120)
    at: datetime = Field(default_factory=utcnow, index=True)
    mode: str = Field(max_length=16)  # "flashcard" | "answer"
    typed_answer: str | None = None
    key_point_score: float | None = None
    covered_key_points: list[int] | None = Field(default=None, sa_column=Column(JSON))
    rating: int | None = None  # FSRS rating 1..4 (Again, Hard, Good, Easy)


class Submission(SQLModel, table=True):
    """A kata attempt: stored before grading starts, its report stored when grading ends."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    kata_id: str = Field(foreign_key="kata.id", index=True, max_length=120)
    # The authored kata version (authoring.models.KataVersion) it is graded on; None for a
    # kata from the files. No foreign key: versions are never deleted (migration 0010).
    kata_version_id: int | None = None
    kind: str = Field(max_length=8)  # "run" (sample tests) | "submit" (hidden tests)
    source: str
    status: str = Field(default="queued", max_length=12, index=True)  # queued|running|done
    verdict: str | None = Field(default=None, max_length=16)
    report: dict | None = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow, index=True)
    finished_at: datetime | None = None
    # Times a grader took it up; more than the limit means it keeps killing its grader.
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class Draft(SQLModel, table=True):
    """The code a user is writing for a kata, saved as they type."""

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    kata_id: str = Field(foreign_key="kata.id", primary_key=True, max_length=120)
    source: str
    updated_at: datetime = Field(default_factory=utcnow)
