"""Assessments: a frozen version of a manager's set, an opening window and a time limit.

Times are stored in UTC and must arrive with their zone (a time without one is refused
rather than guessed). Publishing freezes the set: editing it later never changes what an
invited candidate takes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlmodel import Session, col, select

from server.hiring import sets
from server.hiring.errors import HiringError, NotFound
from server.hiring.models import Assessment, QuestionSet, SetVersion
from server.models import Role, User
from server.reviews import as_utc

__all__ = [
    "MAX_MINUTES",
    "MAX_WINDOW_DAYS",
    "AssessmentError",
    "get_assessment",
    "list_assessments",
    "publish",
    "version_of",
]

MAX_MINUTES: Final = 480
MAX_WINDOW_DAYS: Final = 366


class AssessmentError(HiringError):
    status_code = 422


def publish(
    *,
    session: Session,
    owner: User,
    question_set: QuestionSet,
    title: str,
    minutes: int,
    opens_at: datetime,
    closes_at: datetime,
    now: datetime,
    instructions: str = "",
) -> Assessment:
    """Freeze `question_set` and open an assessment of it; AssessmentError names the field."""
    title = title.strip()
    if not title or len(title) > 200:
        raise AssessmentError("title: must be 1 to 200 characters.")
    if not 1 <= minutes <= MAX_MINUTES:
        raise AssessmentError(f"minutes: the time limit must be 1 to {MAX_MINUTES} minutes.")
    for name, moment in (("opens_at", opens_at), ("closes_at", closes_at)):
        if moment.tzinfo is None:
            raise AssessmentError(f"{name}: give the time with its zone, e.g. 2027-01-10T09:00Z.")
    opens_at, closes_at = as_utc(opens_at), as_utc(closes_at)
    if closes_at <= opens_at:
        raise AssessmentError("closes_at: the window must close after it opens.")
    if closes_at <= now:
        raise AssessmentError("closes_at: the window has already closed.")
    if closes_at - opens_at > timedelta(days=MAX_WINDOW_DAYS):
        raise AssessmentError(f"closes_at: a window is at most {MAX_WINDOW_DAYS} days long.")
    if not question_set.items:
        raise AssessmentError("set_id: the set has no items yet.")
    if question_set.archived_at is not None:
        raise AssessmentError("set_id: the set is archived; restore it first.")
    version = sets.freeze(session=session, question_set=question_set, now=now)
    assessment = Assessment(
        owner_id=owner.id or 0,
        set_version_id=version.id or 0,
        title=title,
        minutes=minutes,
        opens_at=opens_at,
        closes_at=closes_at,
        instructions=instructions[:5000],
        created_at=now,
    )
    session.add(assessment)
    session.commit()
    session.refresh(assessment)
    return assessment


def get_assessment(*, session: Session, assessment_id: int, user: User) -> Assessment:
    """The assessment if `user` owns it or is an admin; NotFound otherwise."""
    assessment = session.get(Assessment, assessment_id)
    if assessment is None or (user.role != Role.admin and assessment.owner_id != user.id):
        raise NotFound("There is no assessment of yours with that number.")
    return assessment


def list_assessments(*, session: Session, user: User) -> list[Assessment]:
    """The user's assessments (all of them for an admin), newest first."""
    query = select(Assessment).order_by(col(Assessment.created_at).desc())
    if user.role != Role.admin:
        query = query.where(Assessment.owner_id == user.id)
    return list(session.exec(query).all())


def version_of(*, session: Session, assessment: Assessment) -> SetVersion:
    version = session.get(SetVersion, assessment.set_version_id)
    assert version is not None  # a foreign key: versions are never deleted
    return version
