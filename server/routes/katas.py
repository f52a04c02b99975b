"""Katas in the browser: the list, a page per kata (editor, Run, Submit, quick answer, history),
a page per submission, and the fragments htmx swaps in.

Each form also works without JavaScript, answered with a redirect or a whole page; htmx asks
for fragments instead (`HX-Target: result`, `quick-answer`, ...). A result that is not graded
yet is a fragment that polls itself every half second until it is.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from graders import Kata as KataSpec
from graders import Verdict
from server import drafts, katas, submissions
from server.approaches import approaches
from server.catalog import Catalog
from server.deps import (
    CatalogDep,
    CurrentUser,
    KataDep,
    LimitsDep,
    QueueDep,
    SessionDep,
    get_catalog,
    render,
)
from server.editor_pages import render_editor_page
from server.models import Submission, User
from server.submissions import Kind, Status, SubmissionRefused

__all__ = ["router"]

router = APIRouter()

HISTORY_LIMIT = 20
ANSWERS_SHOWN = 5
# A quick answer longer than this is refused by the form; check_answer explains shorter ones.
ANSWER_FIELD_MAX = 200
_DIFFICULTY = f"^(|{'|'.join(katas.DIFFICULTIES)})$"


SubmissionId = Annotated[int, Path(ge=1)]


@router.get("/katas")
def kata_list(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    topic: Annotated[str, Query(max_length=80)] = "",
    difficulty: Annotated[str, Query(pattern=_DIFFICULTY)] = "",
    status: Annotated[str, Query(pattern="^(|solved|unsolved)$")] = "",
) -> Response:
    rows = katas.kata_rows(
        session=session,
        user=user,
        katas=catalog.katas.values(),
        topic=topic or None,
        difficulty=difficulty or None,
        solved={"solved": True, "unsolved": False}.get(status),
    )
    context: dict[str, Any] = {
        "rows": rows,
        "solved_count": len(katas.solved_ids(session=session, user=user) & set(catalog.katas)),
        "total": len(catalog.katas),
        "topic": topic,
        "difficulty": difficulty,
        "status": status,
        "topics": katas.topics(catalog.katas.values()),
        "difficulties": katas.DIFFICULTIES,
    }
    if _htmx_target(request) == "results":
        return render(request, "katas/_list.html", **context)
    return render(request, "katas/list.html", **context)


@router.get("/katas/{kata_id}")
def kata_page(request: Request, session: SessionDep, user: CurrentUser, kata: KataDep) -> Response:
    return _kata_page(request, session, user, kata)


@router.post("/katas/{kata_id}/submissions")
def create_submission(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    limits: LimitsDep,
    queue: QueueDep,
    kata: KataDep,
    kind: Annotated[Literal["run", "submit"], Form()],
    source: Annotated[str, Form()] = "",
) -> Response:
    try:
        drafts.save_draft(session=session, user=user, kata_id=kata.id, source=source)
        submission = submissions.submit(
            session=session,
            queue=queue,
            user=user,
            kata=kata,
            source=source,
            kind=Kind(kind),
            per_minute=limits.per_minute,
            limits=limits,
            version_id=catalog.kata_version_of(kata),
        )
    except SubmissionRefused as refused:
        headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else None
        if _htmx_target(request) == "result":
            return render(
                request,
                "katas/_refused.html",
                status_code=refused.status_code,
                headers=headers,
                message=refused.message,
            )
        return _kata_page(
            request,
            session,
            user,
            kata,
            status_code=refused.status_code,
            headers=headers,
            source=source,
            refused=refused.message,
        )
    if _htmx_target(request) != "result":
        return RedirectResponse(f"/submissions/{submission.id}", status_code=303)
    return _result(request, submission, kata, status_code=202)


@router.post("/katas/{kata_id}/draft")
def save_draft(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    kata: KataDep,
    source: Annotated[str, Form()] = "",
) -> Response:
    try:
        draft = drafts.save_draft(session=session, user=user, kata_id=kata.id, source=source)
    except SubmissionRefused as refused:
        return render(
            request,
            "katas/_draft_status.html",
            status_code=refused.status_code,
            error=refused.message,
        )
    if _htmx_target(request) != "draft-status":
        return RedirectResponse(f"/katas/{kata.id}", status_code=303)
    return render(request, "katas/_draft_status.html", draft=draft)


@router.post("/katas/{kata_id}/answer")
def quick_answer(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    limits: LimitsDep,
    kata: KataDep,
    answer: Annotated[str, Form(max_length=ANSWER_FIELD_MAX)] = "",
) -> Response:
    if kata.quick_answer is None:
        raise HTTPException(404, "This kata has no quick answer.")
    try:
        submissions.record_answer(
            session=session, user=user, kata=kata, typed=answer, per_minute=limits.per_minute
        )
    except SubmissionRefused as refused:
        headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else None
        if _htmx_target(request) != "quick-answer":
            raise HTTPException(refused.status_code, refused.message, headers=headers) from None
        return render(
            request,
            "katas/_quick_answer.html",
            status_code=refused.status_code,
            headers=headers,
            kata=kata,
            answers=_answers(session, user, kata),
            refused=refused.message,
        )
    if _htmx_target(request) != "quick-answer":
        return RedirectResponse(f"/katas/{kata.id}#quick-answer", status_code=303)
    return render(
        request, "katas/_quick_answer.html", kata=kata, answers=_answers(session, user, kata)
    )


@router.get("/katas/{kata_id}/history")
def kata_history(
    request: Request, session: SessionDep, user: CurrentUser, kata: KataDep
) -> Response:
    history = _history(session, user, kata)
    return render(
        request,
        "katas/_history.html",
        kata=kata,
        history=history,
        solved=kata.id in katas.solved_ids(session=session, user=user),
        draft=drafts.get_draft(session=session, user=user, kata_id=kata.id),
    )


@router.get("/submissions/{submission_id}")
def submission_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    submission_id: SubmissionId,
) -> Response:
    submission = _own(session, user, submission_id)
    kata = _kata_of(catalog, user, submission)
    if _htmx_target(request) == "result":
        solved = kata is not None and _solves(submission)
        next_kata = _next_kata(request, session, user, kata) if solved and kata else None
        return _result(request, submission, kata, solved=solved, next_kata=next_kata)
    draft = drafts.get_draft(session=session, user=user, kata_id=submission.kata_id)
    return render_editor_page(
        request, "katas/submission.html", submission=submission, kata=kata, draft=draft
    )


@router.post("/submissions/{submission_id}/load")
def load_into_editor(
    session: SessionDep, user: CurrentUser, catalog: CatalogDep, submission_id: SubmissionId
) -> Response:
    submission = _own(session, user, submission_id)
    if submission.kind == Kind.answer or catalog.kata_for(submission.kata_id, user) is None:
        raise HTTPException(404, "There is no code of yours to load from that submission.")
    drafts.save_draft(
        session=session, user=user, kata_id=submission.kata_id, source=submission.source
    )
    return RedirectResponse(f"/katas/{submission.kata_id}#editor", status_code=303)


def _own(session: Session, user: User, submission_id: int) -> Submission:
    submission = submissions.get_submission(session=session, user=user, submission_id=submission_id)
    if submission is None:
        raise HTTPException(404, "There is no submission of yours with that number.")
    return submission


def _kata_of(catalog: Catalog, user: User, submission: Submission) -> KataSpec | None:
    """The kata as the submission was graded on it, while the user may still open the kata
    (the kata page's lookup: their own authored kata too); None once they may not."""
    current = catalog.kata_for(submission.kata_id, user)
    if current is None or submission.kata_version_id is None:
        return current
    return catalog.held_kata(submission.kata_id, submission.kata_version_id)


def _kata_page(
    request: Request,
    session: Session,
    user: User,
    kata: KataSpec,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    source: str | None = None,
    refused: str | None = None,
) -> Response:
    draft = drafts.get_draft(session=session, user=user, kata_id=kata.id)
    history = _history(session, user, kata)
    if source is None:
        source = draft.source if draft is not None else kata.starter
    solved = kata.id in katas.solved_ids(session=session, user=user)
    return render_editor_page(
        request,
        "katas/page.html",
        status_code=status_code,
        headers=headers,
        kata=kata,
        statement=katas.statement_body(kata),
        source=source,
        draft=draft,
        history=history,
        latest=None if refused or not history else history[0],
        refused=refused,
        solved=solved,
        answers=_answers(session, user, kata),
        # Unlocked by solving, never before: they would give the kata away.
        approaches=approaches(kata) if solved else [],
        next_kata=_next_kata(request, session, user, kata) if solved else None,
    )


def _next_kata(request: Request, session: Session, user: User, kata: KataSpec) -> KataSpec | None:
    catalog = get_catalog(request)
    return katas.next_kata(session=session, user=user, katas=catalog.katas.values(), after=kata)


def _history(session: Session, user: User, kata: KataSpec) -> list[Submission]:
    return submissions.list_submissions(
        session=session,
        user=user,
        kata_id=kata.id,
        kinds=(Kind.run, Kind.submit),
        limit=HISTORY_LIMIT,
    )


def _answers(session: Session, user: User, kata: KataSpec) -> list[Submission]:
    if kata.quick_answer is None:
        return []
    return submissions.list_submissions(
        session=session, user=user, kata_id=kata.id, kinds=(Kind.answer,), limit=ANSWERS_SHOWN
    )


def _result(
    request: Request,
    submission: Submission,
    kata: KataSpec | None,
    *,
    status_code: int = 200,
    solved: bool = False,
    next_kata: KataSpec | None = None,
) -> Response:
    """The result fragment; once graded, `HX-Trigger` tells the page to refresh its history.
    A passing submit also says what it unlocked: the next kata and the other approaches."""
    done = submission.status == Status.done
    headers = {"HX-Trigger": "submission-done"} if done else None
    return render(
        request,
        "katas/_result.html",
        status_code=status_code,
        headers=headers,
        submission=submission,
        kata=kata,
        unlocked=solved,
        next_kata=next_kata,
    )


def _solves(submission: Submission) -> bool:
    return submission.kind == Kind.submit and submission.verdict == Verdict.PASSED


def _htmx_target(request: Request) -> str | None:
    if request.headers.get("hx-request") != "true":
        return None
    return request.headers.get("hx-target")
