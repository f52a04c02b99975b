"""Invitations: one private link per candidate, and starting the timed attempt from it.

The link's token is random, belongs to one candidate and is stored only as a hash; a
wrong, revoked or expired token gets the same "not found" (an expired link whose attempt
has started still shows that attempt). Extra time (minutes or percent, with a reason) is
per candidate. The deadline is fixed when the candidate starts:
`min(start + limit + extra, close + extra)`.

The candidate has no account: starting makes a login-less user for them (its name cannot be
registered or logged into), so their submissions and limits work as everyone's do.
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import update
from sqlmodel import Session, col, select

from server.attempts import attempts
from server.attempts.models import Attempt, AttemptKind
from server.catalog import Catalog
from server.hiring import assessments, sets
from server.hiring.errors import HiringError, NotFound, Unavailable
from server.hiring.models import Assessment, Invitation
from server.models import Role, User
from server.reviews import as_utc

__all__ = [
    "MAX_BULK",
    "CandidateRow",
    "InvitationError",
    "by_token",
    "deadline_for",
    "extra_time",
    "invitations_of",
    "invite",
    "mark_opened",
    "parse_csv",
    "revoke",
    "start",
    "token_hash",
]

MAX_BULK: Final = 500
MAX_EXTRA_MINUTES: Final = 600
MAX_EXTRA_PERCENT: Final = 200
# A login-less candidate's username holds ':', which registration never accepts.
_CANDIDATE_USERNAME: Final = "invitee:{id}:{nonce}"


class InvitationError(HiringError):
    status_code = 422


@dataclass(frozen=True)
class CandidateRow:
    """One line of a pasted CSV of candidates."""

    name: str
    email: str = ""
    extra_minutes: int = 0


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def invite(
    *,
    session: Session,
    assessment: Assessment,
    name: str,
    email: str = "",
    extra_minutes: int = 0,
    extra_percent: int = 0,
    extra_reason: str = "",
    expires_at: datetime | None = None,
    now: datetime,
) -> tuple[Invitation, str]:
    """A new invitation and its token (shown once: only its hash is stored)."""
    name, email = name.strip(), email.strip()
    if not name or len(name) > 120:
        raise InvitationError("name: must be 1 to 120 characters.")
    if len(email) > 254 or (email and "@" not in email):
        raise InvitationError("email: not an email address.")
    if not 0 <= extra_minutes <= MAX_EXTRA_MINUTES:
        raise InvitationError(f"extra_minutes: must be 0 to {MAX_EXTRA_MINUTES}.")
    if not 0 <= extra_percent <= MAX_EXTRA_PERCENT:
        raise InvitationError(f"extra_percent: must be 0 to {MAX_EXTRA_PERCENT}.")
    if len(extra_reason) > 500:
        raise InvitationError("extra_reason: at most 500 characters.")
    if expires_at is not None and expires_at.tzinfo is None:
        raise InvitationError("expires_at: give the time with its zone.")
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        assessment_id=assessment.id or 0,
        name=name,
        email=email,
        token_hash=token_hash(token),
        created_at=now,
        expires_at=as_utc(expires_at) if expires_at else as_utc(assessment.closes_at),
        extra_minutes=extra_minutes,
        extra_percent=extra_percent,
        extra_reason=extra_reason.strip(),
    )
    session.add(invitation)
    session.commit()
    session.refresh(invitation)
    return invitation, token


def parse_csv(text: str) -> list[CandidateRow]:
    """Candidates pasted as CSV lines `name,email[,extra_minutes]`; errors name the line."""
    rows = []
    for number, fields in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not any(field.strip() for field in fields):
            continue
        if number == 1 and fields[0].strip().lower() == "name":
            continue  # a header line
        if len(fields) > 3:
            raise InvitationError(f"Line {number}: expected name,email[,extra_minutes].")
        name = fields[0].strip()
        email = fields[1].strip() if len(fields) > 1 else ""
        extra = fields[2].strip() if len(fields) > 2 else ""
        if not extra.isdigit() and extra:
            raise InvitationError(f"Line {number}: extra minutes {extra!r} is not a number.")
        if not name:
            raise InvitationError(f"Line {number}: the name is empty.")
        rows.append(CandidateRow(name, email, int(extra or 0)))
        if len(rows) > MAX_BULK:
            raise InvitationError(f"At most {MAX_BULK} candidates at once.")
    if not rows:
        raise InvitationError("No candidates: paste one name,email line per candidate.")
    return rows


def revoke(*, session: Session, invitation: Invitation, now: datetime) -> None:
    """The link stops working at once; an attempt already made is kept for the report."""
    invitation.revoked_at = invitation.revoked_at or now
    session.add(invitation)
    session.commit()


def invitations_of(*, session: Session, assessment: Assessment) -> list[Invitation]:
    return list(
        session.exec(
            select(Invitation)
            .where(Invitation.assessment_id == assessment.id)
            .order_by(col(Invitation.id))
        ).all()
    )


def by_token(*, session: Session, token: str, now: datetime) -> Invitation:
    """The invitation this token opens; NotFound alike for wrong, revoked or expired links."""
    invitation = session.exec(
        select(Invitation).where(Invitation.token_hash == token_hash(token))
    ).first()
    if (
        invitation is None
        or invitation.revoked_at is not None
        or (invitation.attempt_id is None and as_utc(invitation.expires_at) <= now)
    ):
        raise NotFound("This link is not valid. Ask whoever sent it for a new one.")
    return invitation


def extra_time(assessment: Assessment, invitation: Invitation, *, minute: int = 60) -> timedelta:
    """The candidate's extra time: minutes plus a percent of the time limit.

    `minute` is the seconds in a minute: only tests make it shorter (the attempt engine's
    `mock_minute_seconds` setting), so a time limit runs out in seconds.
    """
    limit = timedelta(seconds=assessment.minutes * minute)
    return (
        timedelta(seconds=invitation.extra_minutes * minute)
        + limit * invitation.extra_percent / 100
    )


def deadline_for(
    assessment: Assessment, invitation: Invitation, started_at: datetime, *, minute: int = 60
) -> datetime:
    """`min(start + limit + extra, close + extra)`: extra time stretches the window too."""
    extra = extra_time(assessment, invitation, minute=minute)
    limit = timedelta(seconds=assessment.minutes * minute)
    return min(as_utc(started_at) + limit + extra, as_utc(assessment.closes_at) + extra)


def start(
    *,
    session: Session,
    invitation: Invitation,
    display_name: str,
    now: datetime,
    catalog: Catalog,
    minute: int = 60,
) -> Attempt:
    """Start the candidate's attempt (or return the one already started).

    Refused (Unavailable) before the window opens and after it closes; a double click or two
    tabs start one attempt, not two.
    """
    if invitation.attempt_id is not None:
        existing = session.get(Attempt, invitation.attempt_id)
        assert existing is not None
        return existing
    display_name = display_name.strip()
    if not display_name or len(display_name) > 120:
        raise InvitationError("name: tell us the name to show, 1 to 120 characters.")
    assessment = session.get(Assessment, invitation.assessment_id)
    assert assessment is not None
    if now < as_utc(assessment.opens_at):
        raise Unavailable(
            "This assessment opens at "
            f"{as_utc(assessment.opens_at):%Y-%m-%d %H:%M} UTC; come back then."
        )
    deadline = deadline_for(assessment, invitation, now, minute=minute)
    if deadline <= now:
        raise Unavailable("This assessment has closed.")
    candidate = User(
        username=_CANDIDATE_USERNAME.format(id=invitation.id, nonce=secrets.token_hex(4)),
        password_hash="!",  # not an argon2 hash: nothing verifies against it
        role=Role.candidate,
        created_at=now,
    )
    session.add(candidate)
    session.flush()
    claimed = session.connection().execute(
        update(Invitation)
        .where(col(Invitation.id) == invitation.id, col(Invitation.user_id).is_(None))
        .values(user_id=candidate.id, display_name=display_name)
    )
    if claimed.rowcount != 1:  # another request is starting it: use theirs
        session.rollback()
        raise Unavailable("This assessment is starting in another tab; reload this page.")
    version = assessments.version_of(session=session, assessment=assessment)
    attempt = attempts.start(
        session=session,
        kind=AttemptKind.assessment,
        user_id=candidate.id,
        title=assessment.title,
        items=sets.draw(version, seed=invitation.token_hash),
        seconds=int((deadline - now).total_seconds()),
        now=now,
        catalog=catalog,
        plan={"assessment_id": assessment.id, "invitation_id": invitation.id},
    )
    invitation.attempt_id = attempt.id
    session.add(invitation)
    session.commit()
    return attempt


def mark_opened(*, session: Session, invitation: Invitation, now: datetime) -> None:
    """The candidate has opened the link (the report's "opened" status)."""
    if invitation.opened_at is None:
        invitation.opened_at = now
        session.add(invitation)
        session.commit()
