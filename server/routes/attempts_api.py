"""The JSON API of mock interviews and timed attempts (the pages use the same domain code).

Authenticated like the rest of the API: the session cookie, plus `X-CSRF-Token` on writes.
Times are ISO 8601 in UTC. The server owns the clock: every write is checked against
`deadline_at` on arrival, and one that comes after it (or after submit) gets 409 and changes
nothing. `server_now` lets a client count down to the deadline without trusting its own clock.
An attempt that is not the caller's answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from server.attempts import attempts, mocks, scorecard
from server.attempts.models import AttemptItem, AttemptState, ItemKind
from server.attempts.sets import MAX_ITEMS, MAX_MINUTES, MockPlan, PlanError
from server.clock import ClockDep
from server.deps import CatalogDep, CurrentUser, QueueDep, SessionDep, SettingsDep
from server.reviews import as_utc
from server.routes import item_writes
from server.routes.attempt_deps import OwnAttempt
from server.routes.item_writes import AnswerIn, FlagIn, Saved

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["attempts"])

ItemId = Annotated[int, Path(ge=1)]
_PROBLEM = {"content": {"application/json": {"example": {"detail": "What went wrong."}}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Not logged in."},
    403: {"description": "Missing or wrong X-CSRF-Token header."},
    404: {"description": "No attempt (or item) of yours with that id.", **_PROBLEM},
}
_LATE: dict[int | str, dict[str, Any]] = {
    409: {"description": "After the deadline, or already submitted: nothing changed."}
}


class MockIn(BaseModel):
    minutes: int = Field(description=f"Time limit, 1 to {MAX_MINUTES} minutes.", examples=[45])
    concepts: int = Field(ge=0, le=MAX_ITEMS, description="Conceptual questions.")
    katas: int = Field(ge=0, le=MAX_ITEMS, description="Coding katas.")
    topics: list[Annotated[str, Field(max_length=80)]] = Field(
        default_factory=list, max_length=20, description="Any of these topics; empty for all."
    )
    difficulty: str | None = Field(
        default=None, max_length=16, description="easy, medium or hard; null for any."
    )
    focus_weak: bool = Field(
        default=False,
        description="Pick the topics from your weakest in your history instead of `topics`, "
        "avoiding items seen in the last few days.",
    )


class ItemRef(BaseModel):
    item_id: int
    kind: ItemKind
    question_id: str | None = Field(default=None, description="Concept items.")
    kata_id: str | None = Field(default=None, description="Kata items.")


class MockCreated(BaseModel):
    attempt_id: int
    deadline_at: datetime
    items: list[ItemRef]


class ItemOut(ItemRef):
    position: int
    points: float
    flagged: bool
    seconds_spent: int
    answer: str | None = Field(default=None, description="Concept items: the saved answer.")
    source: str | None = Field(default=None, description="Kata items: the saved code.")


class AttemptOut(BaseModel):
    attempt_id: int
    kind: str = Field(description="mock or assessment.")
    title: str
    state: AttemptState = Field(description="in_progress, submitted, graded or abandoned.")
    started_at: datetime
    deadline_at: datetime
    server_now: datetime = Field(description="The server's clock when this was read.")
    score: float | None
    max_score: float
    items: list[ItemOut]


class Submitted(BaseModel):
    state: AttemptState
    scorecard_url: str


class ItemScore(BaseModel):
    item_id: int
    kind: ItemKind
    score: float
    max_score: float
    seconds_spent: int
    verdict: str | None = Field(default=None, description="Katas: the hidden tests' verdict.")
    covered_key_points: list[str] | None = Field(default=None, description="Concepts.")
    missed_key_points: list[str] | None = Field(default=None, description="Concepts.")
    interviewer_score: float | None = None
    interviewer_notes: str | None = None


class ScorecardOut(BaseModel):
    state: AttemptState
    score: float
    max_score: float
    items: list[ItemScore]


class MockSummary(BaseModel):
    attempt_id: int
    title: str
    state: AttemptState
    started_at: datetime
    score: float | None
    max_score: float


@router.post(
    "/mocks",
    status_code=201,
    response_model=MockCreated,
    response_model_exclude_none=True,
    responses={
        **_ERRORS,
        409: {"description": "A mock is already in progress; its id is in `attempt_id`."},
        422: {"description": "The mock cannot be built as asked; `detail` says why."},
    },
)
def create_mock(
    body: MockIn,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> Any:
    """Compose a mock interview and start its clock."""
    plan = MockPlan(
        minutes=body.minutes,
        concepts=body.concepts,
        katas=body.katas,
        topics=tuple(body.topics),
        difficulty=body.difficulty,
        focus_weak=body.focus_weak,
    )
    try:
        attempt = mocks.start_mock(
            session=session,
            user=user,
            plan=plan,
            catalog=catalog,
            now=clock.now(),
            minute_seconds=settings.mock_minute_seconds,
        )
    except PlanError as error:
        return JSONResponse({"detail": error.message, "field": error.field}, status_code=422)
    except mocks.MockInProgress as error:
        return JSONResponse(
            {"detail": error.message, "attempt_id": error.attempt.id}, status_code=409
        )
    items = attempts.items_of(session=session, attempt=attempt)
    assert attempt.id is not None
    return MockCreated(
        attempt_id=attempt.id,
        deadline_at=as_utc(attempt.deadline_at),
        items=[_ref(item) for item in items],
    )


@router.get("/mocks", response_model=list[MockSummary], responses={401: _ERRORS[401]})
def list_mocks(session: SessionDep, user: CurrentUser) -> list[MockSummary]:
    """Your mock interviews, newest first."""
    return [
        MockSummary(
            attempt_id=m.id or 0,
            title=m.title,
            state=m.state,
            started_at=as_utc(m.started_at),
            score=m.score,
            max_score=m.max_score,
        )
        for m in mocks.list_mocks(session=session, user=user)
    ]


@router.get(
    "/attempts/{attempt_id}",
    response_model=AttemptOut,
    response_model_exclude_none=True,
    responses={401: _ERRORS[401], 404: _ERRORS[404]},
)
def read_attempt(attempt: OwnAttempt, session: SessionDep, clock: ClockDep) -> AttemptOut:
    """The attempt with every item's saved answer, and the server's clock."""
    items = attempts.items_of(session=session, attempt=attempt)
    return AttemptOut(
        attempt_id=attempt.id or 0,
        kind=attempt.kind,
        title=attempt.title,
        state=attempt.state,
        started_at=as_utc(attempt.started_at),
        deadline_at=as_utc(attempt.deadline_at),
        server_now=clock.now(),
        score=attempt.score,
        max_score=attempt.max_score,
        items=[_item_out(item) for item in items],
    )


@router.put(
    "/attempts/{attempt_id}/items/{item_id}",
    response_model=Saved,
    responses={**_ERRORS, **_LATE, 422: {"description": "Too long, or the wrong field."}},
)
def save_item(
    attempt: OwnAttempt, item_id: ItemId, body: AnswerIn, session: SessionDep, clock: ClockDep
) -> Saved:
    """Save an item's answer (autosave); each change is kept as a snapshot."""
    return item_writes.save_item(
        session=session, attempt=attempt, item_id=item_id, body=body, now=clock.now()
    )


@router.put(
    "/attempts/{attempt_id}/items/{item_id}/flag",
    response_model=Saved,
    responses={**_ERRORS, **_LATE},
)
def flag_item(
    attempt: OwnAttempt, item_id: ItemId, body: FlagIn, session: SessionDep, clock: ClockDep
) -> Saved:
    """Flag an item to come back to, or clear the flag."""
    return item_writes.flag_item(
        session=session, attempt=attempt, item_id=item_id, body=body, now=clock.now()
    )


@router.post(
    "/attempts/{attempt_id}/submit",
    status_code=202,
    response_model=Submitted,
    responses={**_ERRORS, 409: {"description": "Already submitted (or abandoned)."}},
)
def submit_attempt(
    attempt: OwnAttempt,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
) -> Submitted:
    """Make the saved answers final; grading follows (poll the scorecard)."""
    attempts.submit(session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog)
    return Submitted(state=attempt.state, scorecard_url=f"/api/attempts/{attempt.id}/scorecard")


@router.post(
    "/attempts/{attempt_id}/abandon",
    response_model=Submitted,
    responses={**_ERRORS, 409: {"description": "Already over."}},
)
def abandon_attempt(attempt: OwnAttempt, session: SessionDep, clock: ClockDep) -> Submitted:
    """Give up an attempt in progress; nothing is graded."""
    attempts.abandon(session=session, attempt=attempt, now=clock.now())
    return Submitted(state=attempt.state, scorecard_url=f"/api/attempts/{attempt.id}/scorecard")


@router.get(
    "/attempts/{attempt_id}/scorecard",
    response_model=ScorecardOut,
    response_model_exclude_none=True,
    responses={
        401: _ERRORS[401],
        404: _ERRORS[404],
        409: {"description": "Not graded yet (in progress, grading, or abandoned)."},
    },
)
def read_scorecard(attempt: OwnAttempt, session: SessionDep, catalog: CatalogDep) -> ScorecardOut:
    """Scores per item once graded: verdicts for katas, key points for concepts."""
    if attempt.state != AttemptState.graded:
        why = {
            AttemptState.in_progress: "is still in progress",
            AttemptState.submitted: "is being graded; try again in a few seconds",
            AttemptState.abandoned: "was abandoned, so it has no scorecard",
        }[attempt.state]
        raise attempts.AttemptClosed(f"This attempt {why}.")
    items = attempts.items_of(session=session, attempt=attempt)
    cards = scorecard.item_cards(session=session, attempt=attempt, items=items, catalog=catalog)
    return ScorecardOut(
        state=attempt.state,
        score=attempt.score or 0.0,
        max_score=attempt.max_score,
        items=[
            ItemScore(
                item_id=card.item.id or 0,
                kind=card.item.kind,
                score=card.item.score or 0.0,
                max_score=card.item.points,
                seconds_spent=card.item.seconds_spent,
                verdict=card.item.verdict if card.item.kind == ItemKind.kata else None,
                covered_key_points=card.covered if card.item.kind == ItemKind.concept else None,
                missed_key_points=card.missed if card.item.kind == ItemKind.concept else None,
                interviewer_score=card.item.interviewer_score,
                interviewer_notes=card.item.interviewer_notes,
            )
            for card in cards
        ],
    )


def _ref(item: AttemptItem) -> ItemRef:
    return ItemRef(
        item_id=item.id or 0, kind=item.kind, question_id=item.question_id, kata_id=item.kata_id
    )


def _item_out(item: AttemptItem) -> ItemOut:
    is_kata = item.kind == ItemKind.kata
    return ItemOut(
        **_ref(item).model_dump(),
        position=item.position,
        points=item.points,
        flagged=item.flagged,
        seconds_spent=item.seconds_spent,
        answer=None if is_kata else item.answer,
        source=item.answer if is_kata else None,
    )
