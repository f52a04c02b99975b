"""What a manager sees of an assessment: candidates' status and scores, decisions and score
overrides (each in the audit log), CSV export, and deleting a candidate's data on request.
Similarity flags are made in the background by similarity_runs.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final

from sqlalchemy import delete, or_
from sqlmodel import Session, col, select

from server.attempts.models import AnswerSnapshot, Attempt, AttemptItem, AttemptState
from server.hiring.errors import HiringError, NotFound
from server.hiring.invitations import invitations_of
from server.hiring.models import (
    Assessment,
    AuditEntry,
    Decision,
    FlagStatus,
    Invitation,
    ItemFingerprint,
    ScoreOverride,
    SimilarityFlag,
)
from server.models import Card, Draft, PracticeEvent, Submission, User
from server.reviews import as_utc

__all__ = [
    "CandidateRow",
    "Status",
    "candidate_rows",
    "csv_export",
    "decide",
    "delete_candidate",
    "effective_score",
    "final_code",
    "invitation_of",
    "override_score",
    "overrides_of",
    "review_flag",
]


class Status(StrEnum):
    invited = "invited"
    opened = "opened"
    started = "started"
    submitted = "submitted"
    graded = "graded"
    expired = "expired"
    revoked = "revoked"


@dataclass(frozen=True)
class CandidateRow:
    invitation: Invitation
    attempt: Attempt | None
    status: Status
    score: float | None
    max_score: float | None
    seconds_used: int | None
    flags: int


def invitation_of(*, session: Session, assessment: Assessment, invitation_id: int) -> Invitation:
    """One invitation of this assessment; NotFound for any other's."""
    invitation = session.get(Invitation, invitation_id)
    if invitation is None or invitation.assessment_id != assessment.id:
        raise NotFound("This assessment has no candidate with that number.")
    return invitation


def _status(invitation: Invitation, attempt: Attempt | None, now: datetime) -> Status:
    if attempt is not None:
        return {
            AttemptState.in_progress: Status.started,
            AttemptState.submitted: Status.submitted,
            AttemptState.graded: Status.graded,
            AttemptState.abandoned: Status.expired,
        }[attempt.state]
    if invitation.revoked_at is not None:
        return Status.revoked
    if as_utc(invitation.expires_at) <= now:
        return Status.expired
    return Status.opened if invitation.opened_at is not None else Status.invited


def effective_score(session: Session, attempt: Attempt) -> float | None:
    """The attempt's score with the managers' overrides in place of the automatic ones."""
    if attempt.state != AttemptState.graded:
        return None
    items = session.exec(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id)).all()
    overrides = _latest_overrides(session, [item.id for item in items if item.id is not None])
    total = sum(
        overrides[item.id].score if item.id in overrides else (item.score or 0.0) for item in items
    )
    return round(total, 4)


def _latest_overrides(session: Session, item_ids: list[int]) -> dict[int, ScoreOverride]:
    rows = session.exec(
        select(ScoreOverride)
        .where(col(ScoreOverride.item_id).in_(item_ids))
        .order_by(col(ScoreOverride.id))
    ).all()
    return {row.item_id: row for row in rows}  # later rows replace earlier ones


def candidate_rows(
    *, session: Session, assessment: Assessment, now: datetime
) -> list[CandidateRow]:
    """Every invited candidate with status, score (overrides applied), time used and flags."""
    invitations = invitations_of(session=session, assessment=assessment)
    open_flags = session.exec(
        select(SimilarityFlag).where(
            SimilarityFlag.assessment_id == assessment.id,
            SimilarityFlag.status != FlagStatus.dismissed,
        )
    ).all()
    rows = []
    for invitation in invitations:
        attempt = session.get(Attempt, invitation.attempt_id) if invitation.attempt_id else None
        used = None
        if attempt is not None:
            end = (
                as_utc(attempt.submitted_at)
                if attempt.submitted_at
                else min(now, as_utc(attempt.deadline_at))
            )
            used = max(0, round((end - as_utc(attempt.started_at)).total_seconds()))
        rows.append(
            CandidateRow(
                invitation=invitation,
                attempt=attempt,
                status=_status(invitation, attempt, now),
                score=effective_score(session, attempt) if attempt else None,
                max_score=attempt.max_score if attempt else None,
                seconds_used=used,
                flags=sum(invitation.id in (flag.a_id, flag.b_id) for flag in open_flags),
            )
        )
    return rows


def _audit(
    session: Session, assessment: Assessment, actor: User, action: str, **detail: object
) -> None:
    session.add(
        AuditEntry(
            assessment_id=assessment.id, actor_id=actor.id or 0, action=action, detail=detail
        )
    )


def decide(
    *,
    session: Session,
    assessment: Assessment,
    invitation: Invitation,
    decision: Decision,
    notes: str,
    actor: User,
    now: datetime,
) -> None:
    """Record advance / hold / reject with notes, who and when."""
    if len(notes) > 5000:
        raise HiringError("notes: at most 5,000 characters.")
    invitation.decision, invitation.decision_notes = decision, notes
    invitation.decided_by, invitation.decided_at = actor.id, now
    session.add(invitation)
    _audit(
        session, assessment, actor, "decision", invitation_id=invitation.id, decision=str(decision)
    )
    session.commit()


def override_score(
    *,
    session: Session,
    assessment: Assessment,
    invitation: Invitation,
    item_id: int,
    score: float,
    note: str,
    actor: User,
    now: datetime,
) -> ScoreOverride:
    """A manager's score for one item, between 0 and its points; the automatic one is kept."""
    item = session.get(AttemptItem, item_id)
    if item is None or invitation.attempt_id is None or item.attempt_id != invitation.attempt_id:
        raise NotFound("This candidate's attempt has no item with that number.")
    if not 0 <= score <= item.points:
        raise HiringError(f"score: must be between 0 and the item's {item.points:g} points.")
    if len(note) > 2000:
        raise HiringError("note: at most 2,000 characters.")
    override = ScoreOverride(
        item_id=item_id, score=score, note=note, by_user_id=actor.id or 0, at=now
    )
    session.add(override)
    _audit(
        session,
        assessment,
        actor,
        "score_override",
        invitation_id=invitation.id,
        item_id=item_id,
        automatic=item.score,
        score=score,
    )
    session.commit()
    return override


def review_flag(
    *,
    session: Session,
    assessment: Assessment,
    flag_id: int,
    status: FlagStatus,
    note: str,
    actor: User,
) -> SimilarityFlag:
    """Confirm or dismiss a similarity flag: nothing is penalised without a person's word."""
    flag = session.get(SimilarityFlag, flag_id)
    if flag is None or flag.assessment_id != assessment.id:
        raise NotFound("This assessment has no similarity flag with that number.")
    flag.status, flag.note, flag.reviewer_id = status, note[:2000], actor.id
    session.add(flag)
    _audit(session, assessment, actor, "similarity_review", flag_id=flag_id, status=str(status))
    session.commit()
    return flag


def delete_candidate(
    *, session: Session, assessment: Assessment, invitation: Invitation, actor: User
) -> None:
    """Remove a candidate's answers, snapshots, submissions and the invitation (privacy)."""
    attempt_id, user_id = invitation.attempt_id, invitation.user_id
    session.exec(  # type: ignore[call-overload]
        delete(SimilarityFlag).where(
            or_(
                col(SimilarityFlag.a_id) == invitation.id, col(SimilarityFlag.b_id) == invitation.id
            )
        )
    )
    session.delete(invitation)
    session.flush()
    if attempt_id is not None:
        item_ids = list(
            session.exec(select(AttemptItem.id).where(AttemptItem.attempt_id == attempt_id)).all()
        )
        session.exec(delete(ScoreOverride).where(col(ScoreOverride.item_id).in_(item_ids)))  # type: ignore[call-overload]
        session.exec(delete(ItemFingerprint).where(col(ItemFingerprint.item_id).in_(item_ids)))  # type: ignore[call-overload]
        session.exec(delete(AnswerSnapshot).where(col(AnswerSnapshot.item_id).in_(item_ids)))  # type: ignore[call-overload]
        session.exec(delete(AttemptItem).where(col(AttemptItem.attempt_id) == attempt_id))  # type: ignore[call-overload]
        session.exec(delete(Attempt).where(col(Attempt.id) == attempt_id))  # type: ignore[call-overload]
    if user_id is not None:
        for table in (Submission, Draft, PracticeEvent, Card):
            session.exec(delete(table).where(col(table.user_id) == user_id))  # type: ignore[call-overload]
        session.exec(delete(User).where(col(User.id) == user_id))  # type: ignore[call-overload]
    _audit(session, assessment, actor, "candidate_deleted", invitation_id=invitation.id)
    session.commit()


_CSV_COLUMNS: Final = (
    "invitation_id",
    "name",
    "email",
    "status",
    "score",
    "max_score",
    "seconds_used",
    "flags",
    "decision",
)


def csv_export(rows: list[CandidateRow]) -> str:
    """The candidates table as CSV, one line per invitation, the columns the page shows."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_CSV_COLUMNS)
    for row in rows:
        invitation = row.invitation
        writer.writerow(
            [
                invitation.id,
                _safe_cell(invitation.display_name or invitation.name),
                _safe_cell(invitation.email),
                row.status,
                "" if row.score is None else row.score,
                "" if row.max_score is None else row.max_score,
                "" if row.seconds_used is None else row.seconds_used,
                row.flags,
                invitation.decision or "",
            ]
        )
    return out.getvalue()


def _safe_cell(value: str) -> str:
    # A cell starting with = + - @ runs as a formula in spreadsheets (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def overrides_of(*, session: Session, invitation: Invitation) -> dict[int, ScoreOverride]:
    """The latest override of each of the candidate's items, by item id."""
    if invitation.attempt_id is None:
        return {}
    ids = session.exec(
        select(AttemptItem.id).where(AttemptItem.attempt_id == invitation.attempt_id)
    ).all()
    return _latest_overrides(session, [i for i in ids if i is not None])


def final_code(*, session: Session, flag: SimilarityFlag) -> list[tuple[str, str]]:
    """(candidate's name, final code for the flag's kata) for both sides of a flag."""
    sides = []
    for invitation_id in (flag.a_id, flag.b_id):
        invitation = session.get(Invitation, invitation_id)
        assert invitation is not None  # flags go with their candidates
        item = session.exec(
            select(AttemptItem).where(
                AttemptItem.attempt_id == invitation.attempt_id,
                AttemptItem.kata_id == flag.kata_id,
            )
        ).first()
        sides.append((invitation.display_name or invitation.name, item.answer if item else ""))
    return sides
