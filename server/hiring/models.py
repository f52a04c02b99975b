"""Tables of hiring: managers' question sets and their frozen versions, assessments,
invitations, decisions, score overrides, stored code fingerprints, similarity flags and the
audit log.

An assessment's candidate takes an ordinary attempt of the attempt engine (kind
`assessment`); the invitation points at it. The candidate has no account of their own: when
they start, a login-less user row is made for them, so their kata submissions, rate limits
and grading are the same as everyone's, and deleting the candidate's data removes it whole.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from server.models import utcnow

__all__ = [
    "Assessment",
    "AuditEntry",
    "Decision",
    "FlagStatus",
    "Invitation",
    "ItemFingerprint",
    "ManagerQuestion",
    "QuestionSet",
    "ScoreOverride",
    "SetVersion",
    "SimilarityFlag",
]


class Decision(StrEnum):
    advance = "advance"
    hold = "hold"
    reject = "reject"


class FlagStatus(StrEnum):
    flagged = "flagged"
    confirmed = "confirmed"
    dismissed = "dismissed"


class QuestionSet(SQLModel, table=True):
    """A manager's set of items, edited freely; assessments freeze a `SetVersion` of it.

    `items` is a list of entries: {"kind", "ref_ids": [one id, or several for a pool],
    "points", "section", "time_hint_minutes"} (see hiring.sets.Entry).
    """

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="user.id", index=True)
    title: str = Field(max_length=200)
    description: str = Field(default="", sa_column=Column(Text, nullable=False))
    items: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    archived_at: datetime | None = None


class SetVersion(SQLModel, table=True):
    """A set's items as they were when an assessment was published: never edited."""

    __table_args__ = (UniqueConstraint("set_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    set_id: int = Field(foreign_key="questionset.id", index=True)
    number: int
    title: str = Field(max_length=200)
    items: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class Assessment(SQLModel, table=True):
    """A frozen set version, an opening window (UTC) and a time limit, owned by a manager."""

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="user.id", index=True)
    set_version_id: int = Field(foreign_key="setversion.id")
    title: str = Field(max_length=200)
    minutes: int
    opens_at: datetime
    closes_at: datetime
    instructions: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class Invitation(SQLModel, table=True):
    """One candidate's link to an assessment; the token itself is never stored, only its hash."""

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True)
    name: str = Field(max_length=120)
    email: str = Field(default="", max_length=254)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    extra_minutes: int = 0
    extra_percent: int = 0
    extra_reason: str = Field(default="", max_length=500)
    revoked_at: datetime | None = None
    opened_at: datetime | None = None
    # What the candidate chose to be called when they started.
    display_name: str | None = Field(default=None, max_length=120)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    attempt_id: int | None = Field(default=None, foreign_key="attempt.id")
    decision: Decision | None = Field(default=None, sa_type=String(8))
    decision_notes: str = Field(default="", sa_column=Column(Text, nullable=False))
    decided_by: int | None = Field(default=None, foreign_key="user.id")
    decided_at: datetime | None = None


class ScoreOverride(SQLModel, table=True):
    """A manager's score for one attempt item, in place of the automatic one (which is kept)."""

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="attemptitem.id", index=True)
    score: float
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    by_user_id: int = Field(foreign_key="user.id")
    at: datetime = Field(default_factory=utcnow)


class SimilarityFlag(SQLModel, table=True):
    """Two candidates' final code for one kata that look alike: a prompt for a person."""

    __table_args__ = (UniqueConstraint("assessment_id", "kata_id", "a_id", "b_id"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True)
    kata_id: str = Field(max_length=120)
    a_id: int = Field(foreign_key="invitation.id")
    b_id: int = Field(foreign_key="invitation.id")
    similarity: float
    status: FlagStatus = Field(default=FlagStatus.flagged, sa_type=String(10))
    reviewer_id: int | None = Field(default=None, foreign_key="user.id")
    note: str = Field(default="", sa_column=Column(Text, nullable=False))


class ItemFingerprint(SQLModel, table=True):
    """The winnowed fingerprint of one submitted kata answer, less its kata's boilerplate.

    Made once by a similarity run when the attempt's code is final, so pages never fingerprint.
    `hashes` holds [hash, start, end] rows: a hash and one text span its tokens cover.
    """

    item_id: int = Field(foreign_key="attemptitem.id", primary_key=True)
    kata_id: str = Field(max_length=120)
    hashes: list[list[int]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    made_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Who changed a score, a decision, a flag or candidate data, and when."""

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int | None = Field(default=None, foreign_key="assessment.id", index=True)
    actor_id: int = Field(foreign_key="user.id")
    action: str = Field(max_length=40)
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    at: datetime = Field(default_factory=utcnow, index=True)


class ManagerQuestion(SQLModel, table=True):
    """A conceptual question a manager wrote for their own sets (see hiring.questions)."""

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="user.id", index=True)
    prompt: str = Field(sa_column=Column(Text, nullable=False))
    answer: str = Field(sa_column=Column(Text, nullable=False))
    key_points: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    difficulty: str = Field(max_length=16)
    created_at: datetime = Field(default_factory=utcnow)
