"""Tables of authored katas: the kata (its id, owner, live version, publication) and versions.

Content authored in the browser lives in the database: a `KataVersion` holds every file of the
kata folder (path -> text). Each save makes a new version, checked as a job on the grading
queue; the kata's `live_version_id` moves to a version only once its check passed, so the last
good version stays live while an edit is checked or after an edit fails.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from server.models import utcnow

__all__ = ["AuthoredKata", "CheckStatus", "KataVersion"]


class CheckStatus(StrEnum):
    pending = "pending"
    checking = "checking"
    passed = "passed"
    failed = "failed"
    # A newer version was saved before its check began: never checked, never live.
    superseded = "superseded"


class AuthoredKata(SQLModel, table=True):
    """A kata a manager or admin wrote; private to its owner until an admin publishes it."""

    id: int | None = Field(default=None, primary_key=True)
    kata_id: str = Field(max_length=64, unique=True)
    owner_id: int = Field(foreign_key="user.id", index=True)
    # The newest version whose check passed; None until one has.
    live_version_id: int | None = None
    published_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class KataVersion(SQLModel, table=True):
    """One saved state of an authored kata: all its files, and what the check found."""

    id: int | None = Field(default=None, primary_key=True)
    authored_id: int = Field(foreign_key="authoredkata.id", index=True)
    files: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: CheckStatus = Field(default=CheckStatus.pending, sa_type=String(10))
    # [{"file": "tests_hidden.py", "line": 12, "message": "..."}]; empty when it passed.
    problems: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Checks begun on it: a check cut short (its worker killed) is begun again, up to a limit.
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = Field(default_factory=utcnow)
    checked_at: datetime | None = None
