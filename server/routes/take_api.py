"""The candidate's side of an assessment, as JSON: read, start, save, run, submit.

Authenticated by the invitation token in the path alone: no cookie, hence no CSRF token
(csrf.TOKEN_PATH_PREFIXES). A wrong, revoked or expired token answers 404 like any unknown
path. The attempt engine's rules hold: the server's deadline, 409 for a write after it or
after submit. The candidate sees their items and their own answers, never reference
answers, key points, hidden tests or scores.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path
from pydantic import BaseModel, Field

from server import submissions
from server.attempts import attempts
from server.attempts.models import Attempt, AttemptItem, AttemptState, ItemKind
from server.attempts.runs import run_sample_tests
from server.catalog import Catalog
from server.clock import ClockDep
from server.deps import CatalogDep, LimitsDep, QueueDep, SessionDep, SettingsDep
from server.hiring import invitations
from server.hiring.models import Assessment, Invitation
from server.models import Submission, User
from server.reviews import as_utc
from server.routes import item_writes
from server.routes.item_writes import AnswerIn, FlagIn, Saved

__all__ = ["router"]

router = APIRouter(prefix="/api/take", tags=["take an assessment"])

Token = Annotated[str, Path(min_length=20, max_length=100)]
ItemId = Annotated[int, Path(ge=1)]
_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not a valid link (wrong, revoked or expired token), or no such item."},
}
_LATE: dict[int | str, dict[str, Any]] = {
    409: {"description": "Not open yet, closed, after the deadline or already submitted."},
}


class TakeItem(BaseModel):
    item_id: int
    kind: ItemKind
    position: int
    points: float
    section: str | None
    title: str = Field(description="The question's prompt, or the kata's title.")
    statement: str | None = Field(default=None, description="Katas: the problem (Markdown).")
    answer: str | None = Field(default=None, description="Concepts: your saved answer.")
    source: str | None = Field(default=None, description="Katas: your saved code.")


class TakeOut(BaseModel):
    assessment: str
    instructions: str
    minutes: int
    extra_minutes: float = Field(description="Your extra time, in minutes.")
    opens_at: datetime
    closes_at: datetime
    state: str = Field(description="not_started, in_progress, submitted (graded is shown so).")
    deadline_at: datetime | None
    server_now: datetime
    items: list[TakeItem] = Field(description="Empty until you start.")


class StartIn(BaseModel):
    name: str = Field(max_length=120, description="The name to show the hiring team.")


class RunOut(BaseModel):
    submission_id: int
    status: str
    verdict: str | None = None
    report: dict[str, Any] | None = Field(default=None, description="Sample tests' report.")


class Taken(BaseModel):
    state: str


def invitation_for(token: Token, session: SessionDep, clock: ClockDep) -> Invitation:
    """The invitation this token opens, or 404."""
    return invitations.by_token(session=session, token=token, now=clock.now())


TokenInvitation = Annotated[Invitation, Depends(invitation_for)]


def started_attempt(
    invitation: TokenInvitation,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
) -> Attempt:
    """The invitation's attempt, brought up to date; 409 if it has not been started."""
    if invitation.attempt_id is None:
        raise HTTPException(409, "Start the assessment first.")
    attempt = session.get(Attempt, invitation.attempt_id)
    assert attempt is not None
    return attempts.refresh(
        session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
    )


TokenAttempt = Annotated[Attempt, Depends(started_attempt)]


def candidate_view(
    *,
    session: SessionDep,
    invitation: Invitation,
    attempt: Attempt | None,
    catalog: Catalog,
    now: datetime,
    minute: int,
) -> TakeOut:
    """What the candidate may see of their assessment and attempt."""
    assessment = session.get(Assessment, invitation.assessment_id)
    assert assessment is not None
    extra = invitations.extra_time(assessment, invitation, minute=minute)
    items = attempts.items_of(session=session, attempt=attempt) if attempt else []
    state = "not_started" if attempt is None else _candidate_state(attempt.state)
    return TakeOut(
        assessment=assessment.title,
        instructions=assessment.instructions,
        minutes=assessment.minutes,
        extra_minutes=round(extra.total_seconds() / minute, 2),
        opens_at=as_utc(assessment.opens_at),
        closes_at=as_utc(assessment.closes_at),
        state=state,
        deadline_at=as_utc(attempt.deadline_at) if attempt else None,
        server_now=now,
        items=[_item(item, catalog) for item in items],
    )


def _candidate_state(state: AttemptState) -> str:
    # Whether grading has finished is the hiring team's business, not the candidate's.
    return "submitted" if state in (AttemptState.submitted, AttemptState.graded) else str(state)


def _item(item: AttemptItem, catalog: Catalog) -> TakeItem:
    is_kata = item.kind == ItemKind.kata
    kata = catalog.held_kata(item.kata_id or "", item.kata_version_id) if is_kata else None
    question = catalog.held_question(item.question_id or "") if not is_kata else None
    return TakeItem(
        item_id=item.id or 0,
        kind=item.kind,
        position=item.position,
        points=item.points,
        section=item.section,
        title=kata.title if kata else (question.prompt if question else "(no longer available)"),
        statement=kata.statement if kata else None,
        answer=None if is_kata else item.answer,
        source=item.answer if is_kata else None,
    )


@router.get("/{token}", response_model=TakeOut, responses=_ERRORS)
def read(
    invitation: TokenInvitation,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
    settings: SettingsDep,
) -> TakeOut:
    """The assessment's rules and time limit; once started, your items and saved answers."""
    invitations.mark_opened(session=session, invitation=invitation, now=clock.now())
    attempt = (
        started_attempt(invitation, session, clock, queue, catalog)
        if invitation.attempt_id
        else None
    )
    return candidate_view(
        session=session,
        invitation=invitation,
        attempt=attempt,
        catalog=catalog,
        now=clock.now(),
        minute=settings.mock_minute_seconds,
    )


@router.post("/{token}/start", response_model=TakeOut, responses={**_ERRORS, **_LATE})
def start(
    body: StartIn,
    invitation: TokenInvitation,
    session: SessionDep,
    clock: ClockDep,
    catalog: CatalogDep,
    settings: SettingsDep,
) -> TakeOut:
    """Start the clock (once: starting again returns the attempt already started)."""
    attempt = invitations.start(
        session=session,
        invitation=invitation,
        display_name=body.name,
        now=clock.now(),
        catalog=catalog,
        minute=settings.mock_minute_seconds,
    )
    return candidate_view(
        session=session,
        invitation=invitation,
        attempt=attempt,
        catalog=catalog,
        now=clock.now(),
        minute=settings.mock_minute_seconds,
    )


@router.put(
    "/{token}/items/{item_id}",
    response_model=Saved,
    responses={**_ERRORS, **_LATE, 422: {"description": "Too long, or the wrong field."}},
)
def save(
    item_id: ItemId, body: AnswerIn, attempt: TokenAttempt, session: SessionDep, clock: ClockDep
) -> Saved:
    """Save an item's answer (autosave); refused with 409 after the deadline."""
    return item_writes.save_item(
        session=session, attempt=attempt, item_id=item_id, body=body, now=clock.now()
    )


@router.put("/{token}/items/{item_id}/flag", response_model=Saved, responses={**_ERRORS, **_LATE})
def flag(
    item_id: ItemId, body: FlagIn, attempt: TokenAttempt, session: SessionDep, clock: ClockDep
) -> Saved:
    """Flag an item to come back to, or clear the flag."""
    return item_writes.flag_item(
        session=session, attempt=attempt, item_id=item_id, body=body, now=clock.now()
    )


@router.post(
    "/{token}/items/{item_id}/run",
    status_code=202,
    response_model=RunOut,
    responses={**_ERRORS, **_LATE, 429: {"description": "Too many runs this minute."}},
)
def run(
    item_id: ItemId,
    body: AnswerIn,
    invitation: TokenInvitation,
    attempt: TokenAttempt,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
    limits: LimitsDep,
) -> RunOut:
    """Save the code and run the kata's sample tests on it (never the hidden ones)."""
    candidate = session.get(User, invitation.user_id)
    assert candidate is not None  # a started invitation has its candidate
    try:
        submission = run_sample_tests(
            session=session,
            attempt=attempt,
            item_id=item_id,
            source=body.text,
            user=candidate,
            queue=queue,
            catalog=catalog,
            limits=limits,
            now=clock.now(),
        )
    except submissions.SubmissionRefused as error:
        raise HTTPException(error.status_code, error.message) from None
    return RunOut(submission_id=submission.id or 0, status=submission.status)


@router.get("/{token}/runs/{submission_id}", response_model=RunOut, responses=_ERRORS)
def read_run(submission_id: ItemId, invitation: TokenInvitation, session: SessionDep) -> RunOut:
    """A run's result once graded (poll until `status` is `done`)."""
    found = session.get(Submission, submission_id)
    if found is None or found.user_id != invitation.user_id or found.kind != submissions.Kind.run:
        raise HTTPException(404, "No run of yours with that number.")
    return RunOut(
        submission_id=submission_id,
        status=found.status,
        verdict=found.verdict,
        report=found.report if found.status == "done" else None,
    )


@router.post(
    "/{token}/submit", status_code=202, response_model=Taken, responses={**_ERRORS, **_LATE}
)
def submit(
    attempt: TokenAttempt,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
) -> Taken:
    """Hand in every saved answer now; grading follows (its results go to the hiring team)."""
    attempts.submit(session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog)
    return Taken(state="submitted")
