"""The candidate's pages: the invitation link's landing page, the items, Run, and submit.

The link's token is the only credential (the candidate has no account); a wrong, revoked or
expired one is a plain 404. From the first item on it is the attempt engine's page, the same
as a mock interview's, with autosave and the countdown going through /api/take/TOKEN.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import RedirectResponse, Response

from server.attempts import attempts
from server.attempts.models import Attempt, AttemptState
from server.clock import ClockDep
from server.deps import CatalogDep, LimitsDep, QueueDep, SessionDep, SettingsDep, render
from server.hiring import invitations
from server.hiring.errors import HiringError
from server.hiring.models import Assessment
from server.models import Submission, User
from server.reviews import as_utc
from server.routes.attempt_pages import render_item, render_run, render_run_result
from server.routes.take_api import TokenAttempt, TokenInvitation

__all__ = ["router"]

router = APIRouter()

ItemNumber = Annotated[int, Path(ge=1, le=100)]
ItemId = Annotated[int, Path(ge=1)]


@router.get("/take/{token}")
def landing(
    request: Request,
    token: str,
    invitation: TokenInvitation,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
    settings: SettingsDep,
    error: str | None = None,
) -> Response:
    """Before starting: the rules and the time limit; after: the items, or "submitted"."""
    now = clock.now()
    invitations.mark_opened(session=session, invitation=invitation, now=now)
    if invitation.attempt_id is not None:
        attempt = session.get(Attempt, invitation.attempt_id)
        assert attempt is not None
        attempt = attempts.refresh(
            session=session, attempt=attempt, now=now, queue=queue, catalog=catalog
        )
        if attempt.state == AttemptState.in_progress:
            return RedirectResponse(f"/take/{token}/items/1", status_code=303)
        return render(request, "take/done.html", attempt=attempt)
    assessment = session.get(Assessment, invitation.assessment_id)
    assert assessment is not None
    minute = settings.mock_minute_seconds
    extra = invitations.extra_time(assessment, invitation, minute=minute)
    return render(
        request,
        "take/landing.html",
        token=token,
        invitation=invitation,
        assessment=assessment,
        opens_at=as_utc(assessment.opens_at),
        closes_at=as_utc(assessment.closes_at),
        extra_minutes=round(extra.total_seconds() / minute),
        not_yet=now < as_utc(assessment.opens_at),
        error=error,
    )


@router.post("/take/{token}/start")
def start(
    request: Request,
    token: str,
    invitation: TokenInvitation,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
    settings: SettingsDep,
    name: Annotated[str, Form(max_length=120)] = "",
) -> Response:
    try:
        invitations.start(
            session=session,
            invitation=invitation,
            display_name=name,
            now=clock.now(),
            catalog=catalog,
            minute=settings.mock_minute_seconds,
        )
    except HiringError as error:
        return landing(
            request, token, invitation, session, clock, queue, catalog, settings, error.message
        )
    return RedirectResponse(f"/take/{token}/items/1", status_code=303)


@router.get("/take/{token}/items/{number}")
def item_page(
    request: Request,
    token: str,
    number: ItemNumber,
    attempt: TokenAttempt,
    session: SessionDep,
    catalog: CatalogDep,
    clock: ClockDep,
) -> Response:
    if attempt.state != AttemptState.in_progress:
        return RedirectResponse(f"/take/{token}", status_code=303)
    return render_item(
        request,
        attempt=attempt,
        number=number,
        session=session,
        catalog=catalog,
        now=clock.now(),
        base_url=f"/take/{token}",
        api_url=f"/api/take/{token}",
    )


@router.post("/take/{token}/items/{item_id}/run")
def run_item(
    request: Request,
    token: str,
    item_id: ItemId,
    invitation: TokenInvitation,
    attempt: TokenAttempt,
    session: SessionDep,
    catalog: CatalogDep,
    limits: LimitsDep,
    queue: QueueDep,
    clock: ClockDep,
    source: Annotated[str, Form()] = "",
) -> Response:
    """Save the code, then run the kata's sample tests on it (never the hidden ones)."""
    candidate = session.get(User, invitation.user_id)
    assert candidate is not None
    return render_run(
        request,
        attempt=attempt,
        item_id=item_id,
        source=source,
        user=candidate,
        session=session,
        queue=queue,
        catalog=catalog,
        limits=limits,
        now=clock.now(),
        runs_url=f"/take/{token}/runs",
    )


@router.get("/take/{token}/runs/{submission_id}")
def run_result(
    request: Request,
    token: str,
    submission_id: ItemId,
    invitation: TokenInvitation,
    session: SessionDep,
    catalog: CatalogDep,
) -> Response:
    """A run's result fragment; it polls itself until graded."""
    found = session.get(Submission, submission_id)
    if found is None or found.user_id != invitation.user_id or found.kind != "run":
        raise HTTPException(404, "No run of yours with that number.")
    return render_run_result(request, found, catalog, runs_url=f"/take/{token}/runs")


@router.post("/take/{token}/submit")
def submit(
    token: str,
    attempt: TokenAttempt,
    session: SessionDep,
    clock: ClockDep,
    queue: QueueDep,
    catalog: CatalogDep,
) -> Response:
    if attempt.state == AttemptState.in_progress:
        attempts.submit(
            session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
        )
    return RedirectResponse(f"/take/{token}", status_code=303)
