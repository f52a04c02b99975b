"""Mock interview pages: start (presets, custom, weak spots), one item at a time with a
navigator and a server-owned countdown, Run on sample tests, the scorecard, the history, and
the interviewer seat a candidate shares by link.

Autosave, flags and the countdown's re-sync go through the JSON API (routes/attempts_api.py)
from static/mock.js; every form here also works as a plain form answered with a redirect.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from server.attempts import attempts, mocks, scorecard, seats
from server.attempts.models import Attempt, AttemptState
from server.attempts.sets import MAX_ITEMS, MAX_MINUTES, PRESETS, MockPlan, PlanError, known_topics
from server.catalog import Catalog
from server.clock import Clock, ClockDep
from server.deps import (
    CatalogDep,
    CurrentUser,
    LimitsDep,
    QueueDep,
    SessionDep,
    SettingsDep,
    render,
)
from server.grading import GradingQueue
from server.models import User
from server.reviews import RATINGS, as_utc
from server.routes.attempt_deps import OwnAttempt
from server.routes.attempt_pages import render_item, render_run

__all__ = ["router"]

router = APIRouter()

ItemNumber = Annotated[int, Path(ge=1, le=MAX_ITEMS)]
ItemId = Annotated[int, Path(ge=1)]
SeatToken = Annotated[str, Path(max_length=64)]


@router.get("/mock")
def start_page(
    request: Request, session: SessionDep, user: CurrentUser, catalog: CatalogDep, clock: ClockDep
) -> Response:
    return _start_page(request, session, user, catalog, clock)


@router.post("/mock")
def start_mock(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    settings: SettingsDep,
    clock: ClockDep,
    preset: Annotated[str, Form(max_length=40)] = "",
    minutes: Annotated[int, Form(ge=0, le=10 * MAX_MINUTES)] = 45,
    concepts: Annotated[int, Form(ge=0, le=10 * MAX_ITEMS)] = 0,
    katas: Annotated[int, Form(ge=0, le=10 * MAX_ITEMS)] = 0,
    topics: Annotated[list[str] | None, Form(max_length=100)] = None,
    difficulty: Annotated[str, Form(max_length=16)] = "",
    focus_weak: Annotated[bool, Form()] = False,
) -> Response:
    if preset:
        if preset not in PRESETS:
            raise HTTPException(400, f"There is no preset called {preset!r}.")
        plan = PRESETS[preset].plan()
    else:
        plan = MockPlan(
            minutes=minutes,
            concepts=concepts,
            katas=katas,
            topics=tuple(t for t in topics or () if t),
            difficulty=difficulty or None,
            focus_weak=focus_weak,
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
        return _start_page(
            request, session, user, catalog, clock, status_code=422, error=error.message
        )
    except mocks.MockInProgress as error:
        return _start_page(
            request, session, user, catalog, clock, status_code=409, error=error.message
        )
    return RedirectResponse(f"/mock/{attempt.id}/items/1", status_code=303)


@router.get("/mock/history")
def history_page(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    found = mocks.list_mocks(session=session, user=user)
    graded = [m for m in reversed(found) if m.state == AttemptState.graded and m.max_score]
    return render(request, "mock/history.html", mocks=found, graded=graded)


@router.get("/mock/{attempt_id}")
def attempt_page(attempt: OwnAttempt, session: SessionDep) -> Response:
    """Back where the user was: the item last on screen, or the scorecard once it is over."""
    if attempt.state != AttemptState.in_progress:
        return RedirectResponse(f"/mock/{attempt.id}/scorecard", status_code=303)
    items = attempts.items_of(session=session, attempt=attempt)
    number = next((n for n, i in enumerate(items, 1) if i.id == attempt.current_item_id), 1)
    return RedirectResponse(f"/mock/{attempt.id}/items/{number}", status_code=303)


@router.get("/mock/{attempt_id}/items/{number}")
def item_page(
    request: Request,
    attempt: OwnAttempt,
    number: ItemNumber,
    session: SessionDep,
    catalog: CatalogDep,
    clock: ClockDep,
) -> Response:
    if attempt.state != AttemptState.in_progress:
        return RedirectResponse(f"/mock/{attempt.id}/scorecard", status_code=303)
    return render_item(
        request,
        attempt=attempt,
        number=number,
        session=session,
        catalog=catalog,
        now=clock.now(),
        base_url=f"/mock/{attempt.id}",
        api_url=f"/api/attempts/{attempt.id}",
    )


@router.post("/mock/{attempt_id}/items/{item_id}/run")
def run_item(
    request: Request,
    attempt: OwnAttempt,
    item_id: ItemId,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    limits: LimitsDep,
    queue: QueueDep,
    clock: ClockDep,
    source: Annotated[str, Form()] = "",
) -> Response:
    """Save the code, then run the kata's sample tests on it (never the hidden ones)."""
    return render_run(
        request,
        attempt=attempt,
        item_id=item_id,
        source=source,
        user=user,
        session=session,
        queue=queue,
        catalog=catalog,
        limits=limits,
        now=clock.now(),
    )


@router.post("/mock/{attempt_id}/submit")
def submit_mock(
    attempt: OwnAttempt,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
) -> Response:
    if attempt.state == AttemptState.in_progress:
        attempts.submit(
            session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
        )
    return RedirectResponse(f"/mock/{attempt.id}/scorecard", status_code=303)


@router.post("/mock/{attempt_id}/abandon")
def abandon_mock(attempt: OwnAttempt, session: SessionDep, clock: ClockDep) -> Response:
    attempts.abandon(session=session, attempt=attempt, now=clock.now())
    return RedirectResponse("/mock", status_code=303)


@router.get("/mock/{attempt_id}/scorecard")
def scorecard_page(
    request: Request,
    attempt: OwnAttempt,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
) -> Response:
    if attempt.state == AttemptState.in_progress:
        return RedirectResponse(f"/mock/{attempt.id}", status_code=303)
    items = attempts.items_of(session=session, attempt=attempt)
    cards = scorecard.item_cards(session=session, attempt=attempt, items=items, catalog=catalog)
    graded = [
        m
        for m in reversed(mocks.list_mocks(session=session, user=user))
        if m.state == AttemptState.graded and m.max_score
    ]
    name = "mock/_scorecard.html" if _htmx_target(request) == "scorecard" else "mock/scorecard.html"
    return render(
        request,
        name,
        attempt=attempt,
        cards=cards,
        topics=scorecard.topic_results(cards),
        graded=graded,
        ratings=RATINGS,
    )


@router.post("/mock/{attempt_id}/ratings")
async def save_ratings(
    request: Request, attempt: OwnAttempt, session: SessionDep, user: CurrentUser, clock: ClockDep
) -> Response:
    """Put the mock's concept questions on the review schedule with the chosen ratings."""
    form = await request.form()
    ratings: dict[int, int] = {}
    for key, value in form.items():
        if key.startswith("rating-") and key[7:].isdigit() and str(value) in ("1", "2", "3", "4"):
            ratings[int(key[7:])] = int(str(value))
    if attempt.state == AttemptState.graded:
        items = attempts.items_of(session=session, attempt=attempt)
        mocks.rate_concepts(
            session=session, user=user, items=items, ratings=ratings, now=clock.now()
        )
    return RedirectResponse(f"/mock/{attempt.id}/scorecard#ratings", status_code=303)


@router.post("/mock/{attempt_id}/seat")
def new_seat_link(request: Request, attempt: OwnAttempt, session: SessionDep) -> Response:
    if attempt.state == AttemptState.abandoned:
        raise HTTPException(409, "This mock was abandoned; there is nothing to interview.")
    token = seats.new_link(session=session, attempt=attempt)
    url = str(request.base_url).rstrip("/") + f"/seat/{token}"
    return render(request, "mock/_seat_link.html", attempt=attempt, link=url)


@router.post("/mock/{attempt_id}/seat/revoke")
def revoke_seat_link(request: Request, attempt: OwnAttempt, session: SessionDep) -> Response:
    seats.revoke(session=session, attempt=attempt)
    if _htmx_target(request) == "seat":
        return render(request, "mock/_seat_link.html", attempt=attempt, link=None)
    return RedirectResponse(f"/mock/{attempt.id}", status_code=303)


@router.get("/seat/{token}")
def seat_page(
    request: Request,
    token: SeatToken,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    clock: ClockDep,
    queue: QueueDep,
) -> Response:
    attempt = _seat_attempt(session, token, user, catalog, clock, queue)
    if _htmx_target(request) == "seat-live":
        return _seat(request, "mock/_seat_live.html", session, attempt, catalog, token, oob=True)
    return _seat(request, "mock/seat.html", session, attempt, catalog, token)


@router.post("/seat/{token}/items/{item_id}")
def seat_score(
    request: Request,
    token: SeatToken,
    item_id: ItemId,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    clock: ClockDep,
    queue: QueueDep,
    score: Annotated[float, Form(ge=0, le=1000)],
    notes: Annotated[str, Form(max_length=seats.NOTES_MAX_CHARS)] = "",
) -> Response:
    attempt = _seat_attempt(session, token, user, catalog, clock, queue)
    item = seats.score_item(
        session=session,
        attempt=attempt,
        item_id=item_id,
        interviewer=user,
        score=score,
        notes=notes,
    )
    if _htmx_target(request) is None:
        return RedirectResponse(f"/seat/{token}#item-{item_id}", status_code=303)
    return render(request, "mock/_seat_saved.html", item=item)


def _seat_attempt(
    session: Session,
    token: str,
    user: User,
    catalog: Catalog,
    clock: Clock,
    queue: GradingQueue,
) -> Attempt:
    attempt = seats.attempt_for_seat(session=session, token=token, viewer=user)
    return attempts.refresh(
        session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
    )


def _seat(
    request: Request,
    name: str,
    session: Session,
    attempt: Attempt,
    catalog: Catalog,
    token: str,
    *,
    oob: bool = False,
) -> Response:
    items = attempts.items_of(session=session, attempt=attempt)
    cards = scorecard.item_cards(session=session, attempt=attempt, items=items, catalog=catalog)
    return render(
        request,
        name,
        attempt=attempt,
        cards=cards,
        token=token,
        deadline=as_utc(attempt.deadline_at),
        oob=oob,
    )


def _start_page(
    request: Request,
    session: Session,
    user: User,
    catalog: Catalog,
    clock: Clock,
    *,
    status_code: int = 200,
    error: str | None = None,
) -> Response:
    return render(
        request,
        "mock/start.html",
        status_code=status_code,
        presets=PRESETS.values(),
        topics=sorted(known_topics(catalog)),
        current=mocks.current_mock(session=session, user=user, now=clock.now()),
        recent=mocks.list_mocks(session=session, user=user, limit=5),
        error=error,
        max_minutes=MAX_MINUTES,
        max_items=MAX_ITEMS,
    )


def _htmx_target(request: Request) -> str | None:
    if request.headers.get("hx-request") != "true":
        return None
    return request.headers.get("hx-target")
