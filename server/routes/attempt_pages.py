"""What the mock interview pages and an assessment candidate's pages share: one item of a
timed attempt on screen, and Run on a kata item (sample tests only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import Response
from sqlmodel import Session

from server.attempts import attempts
from server.attempts.models import Attempt
from server.attempts.runs import run_sample_tests
from server.attempts.scoring import is_blank
from server.attempts.views import item_content, item_title
from server.catalog import Catalog
from server.deps import render
from server.editor_pages import render_editor_page
from server.grading import GradingQueue
from server.models import Submission, User
from server.reviews import ANSWER_MAX_CHARS, as_utc
from server.submissions import Limits, SubmissionRefused

__all__ = ["render_item", "render_run", "render_run_result"]


def render_item(
    request: Request,
    *,
    attempt: Attempt,
    number: int,
    session: Session,
    catalog: Catalog,
    now: datetime,
    base_url: str,
    api_url: str,
) -> Response:
    """Item `number` (from 1) on screen: its time starts counting now."""
    items = attempts.items_of(session=session, attempt=attempt)
    if number > len(items):
        raise HTTPException(404, f"This attempt has {len(items)} items.")
    item = items[number - 1]
    attempts.focus(session=session, attempt=attempt, item=item, now=now)
    return render_editor_page(
        request,
        "mock/item.html",
        base_url=base_url,
        api_url=api_url,
        attempt=attempt,
        items=items,
        item=item,
        number=number,
        answered=[not is_blank(i, catalog) for i in items],
        titles=[item_title(i, catalog) for i in items],
        content=item_content(item, catalog),
        deadline=as_utc(attempt.deadline_at),
        now=now,
        answer_max=ANSWER_MAX_CHARS,
    )


def render_run(
    request: Request,
    *,
    attempt: Attempt,
    item_id: int,
    source: str,
    user: User,
    session: Session,
    queue: GradingQueue,
    catalog: Catalog,
    limits: Limits,
    now: datetime,
    runs_url: str | None = None,
) -> Response:
    """Save the code and run its sample tests: the result fragment, or why it was refused."""
    try:
        submission = run_sample_tests(
            session=session,
            attempt=attempt,
            item_id=item_id,
            source=source,
            user=user,
            queue=queue,
            catalog=catalog,
            limits=limits,
            now=now,
        )
    except (attempts.AttemptError, SubmissionRefused) as error:
        return render(
            request, "katas/_refused.html", status_code=error.status_code, message=error.message
        )
    return render_run_result(request, submission, catalog, runs_url=runs_url, status_code=202)


def render_run_result(
    request: Request,
    submission: Submission,
    catalog: Catalog,
    *,
    runs_url: str | None = None,
    status_code: int = 200,
) -> Response:
    """A run's result fragment; it polls `runs_url`/ID (the submission's page by default)."""
    context: dict[str, Any] = {"poll_url": f"{runs_url}/{submission.id}"} if runs_url else {}
    return render(
        request,
        "katas/_result.html",
        status_code=status_code,
        submission=submission,
        kata=catalog.held_kata(submission.kata_id, submission.kata_version_id),
        **context,
    )
