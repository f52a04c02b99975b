"""The hiring manager's pages: the set library and editor, assessments, invitations, the
candidates table, a candidate's report with code playback, and similarity review.

Every page is for managers and admins; another manager's set, assessment or candidate is a
404 (routes/hiring_deps.py). Forms post back and redirect; the JSON API does the same work
through the same domain functions.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from graders import Kata as KataSpec
from server.attempts import attempts, scorecard, snapshots
from server.attempts.models import Attempt, ItemKind
from server.bank.files import QuestionDoc
from server.catalog import Catalog
from server.clock import ClockDep
from server.deps import CatalogDep, MailerDep, ManagerUser, SessionDep, SettingsDep, render
from server.hiring import assessments, invitations, reports, sets, similarity, similarity_runs
from server.hiring import questions as manager_questions
from server.hiring.emails import send_invitation
from server.hiring.errors import HiringError
from server.hiring.models import Decision, FlagStatus, QuestionSet, SimilarityFlag
from server.mailer import MailError
from server.reviews import as_utc
from server.routes.hiring_api import candidate_url
from server.routes.hiring_deps import Id, OwnAssessment, OwnInvitation, OwnSet
from server.search import SearchIndex

__all__ = ["router"]

router = APIRouter(prefix="/manage")

SORTS = {
    "name": lambda row: (row.invitation.display_name or row.invitation.name).lower(),
    "status": lambda row: str(row.status),
    "score": lambda row: -(row.score if row.score is not None else -1),
    "time": lambda row: row.seconds_used if row.seconds_used is not None else 10**9,
}


@router.get("")
def home() -> Response:
    return RedirectResponse("/manage/assessments", status_code=303)


# ---- sets ------------------------------------------------------------------------------


@router.get("/sets")
def set_list(
    request: Request, session: SessionDep, user: ManagerUser, archived: bool = False
) -> Response:
    return render(
        request,
        "manage/sets.html",
        sets=sets.list_sets(session=session, user=user, archived=archived),
        archived=archived,
    )


@router.post("/sets")
def new_set(
    session: SessionDep,
    user: ManagerUser,
    catalog: CatalogDep,
    clock: ClockDep,
    title: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    created = sets.create_set(
        session=session,
        owner=user,
        title=title or "Untitled set",
        entries=[],
        catalog=catalog,
        now=clock.now(),
    )
    return RedirectResponse(f"/manage/sets/{created.id}", status_code=303)


@router.post("/sets/import")
def import_set(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    catalog: CatalogDep,
    clock: ClockDep,
    file: Annotated[str, Form(max_length=200_000)] = "",
) -> Response:
    try:
        created = sets.import_set(
            file, session=session, owner=user, catalog=catalog, now=clock.now()
        )
    except HiringError as error:
        return render(
            request,
            "manage/sets.html",
            status_code=error.status_code,
            sets=sets.list_sets(session=session, user=user),
            archived=False,
            error=error.message,
            file=file,
        )
    return RedirectResponse(f"/manage/sets/{created.id}", status_code=303)


@router.get("/sets/{set_id}")
def set_page(
    request: Request,
    question_set: OwnSet,
    catalog: CatalogDep,
    q: Annotated[str, Query(max_length=200)] = "",
    kind: Annotated[str, Query(max_length=10)] = "",
    topic: Annotated[str, Query(max_length=80)] = "",
    difficulty: Annotated[str, Query(max_length=16)] = "",
    error: str | None = None,
) -> Response:
    return _set_view(request, question_set, catalog, q, kind, topic, difficulty, error=error)


def _set_view(
    request: Request,
    question_set: QuestionSet,
    catalog: Catalog,
    q: str = "",
    kind: str = "",
    topic: str = "",
    difficulty: str = "",
    *,
    error: str | None = None,
    draft: manager_questions.Draft | None = None,
) -> Response:
    """The set editor; `draft` refills the "Write a question" form after a refusal."""
    searching = bool(q or kind or topic or difficulty)
    return render(
        request,
        "manage/set.html",
        question_set=question_set,
        entries=sets.entries_of(question_set.items),
        labels=_labels(catalog, question_set),
        found=_find(
            catalog,
            request.app.state.authored.accepted_of(question_set.owner_id),
            question_set.owner_id,
            q,
            kind,
            topic,
            difficulty,
        )
        if searching
        else [],
        own_questions=_own_docs(catalog, question_set.owner_id),
        draft=draft,
        searching=searching,
        query={"q": q, "kind": kind, "topic": topic, "difficulty": difficulty},
        topics=sorted({t for doc in catalog.questions.values() for t in doc.topics}),
        error=error,
    )


@router.post("/sets/{set_id}")
def edit_set(
    request: Request,
    question_set: OwnSet,
    session: SessionDep,
    user: ManagerUser,
    catalog: CatalogDep,
    clock: ClockDep,
    action: Annotated[str, Form(max_length=20)],
    index: Annotated[int, Form(ge=0, le=sets.MAX_ENTRIES)] = 0,
    kind: Annotated[str, Form(max_length=10)] = "concept",
    ref_ids: Annotated[str, Form(max_length=2000)] = "",
    points: Annotated[float, Form(gt=0, le=sets.MAX_POINTS)] = 1.0,
    section: Annotated[str, Form(max_length=120)] = "",
    time_hint_minutes: Annotated[int | None, Form(ge=1, le=sets.MAX_TIME_HINT_MINUTES)] = None,
    title: Annotated[str, Form(max_length=200)] = "",
    description: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    """One change to the set: add, update, move or remove an item, or rename the set."""
    entries = sets.entries_of(question_set.items)
    if action in ("add", "update"):
        ids = tuple(part.strip() for part in ref_ids.split(",") if part.strip())
        entry = sets.Entry(
            ItemKind(kind) if kind in ("concept", "kata") else ItemKind.concept,
            ids,
            points,
            section.strip() or None,
            time_hint_minutes,
        )
        if action == "add":
            entries.append(entry)
        elif index < len(entries):
            entries[index] = entry
    elif action in ("up", "down"):
        entries = sets.with_entry_moved(entries, index, -1 if action == "up" else 1)
    elif action == "remove" and index < len(entries):
        del entries[index]
    elif action == "archive" or action == "restore":
        sets.archive(
            session=session, question_set=question_set, now=clock.now(), restore=action == "restore"
        )
        return RedirectResponse("/manage/sets", status_code=303)
    elif action == "duplicate":
        copy = sets.duplicate(
            session=session, question_set=question_set, owner=user, now=clock.now()
        )
        return RedirectResponse(f"/manage/sets/{copy.id}", status_code=303)
    try:
        sets.update_set(
            session=session,
            question_set=question_set,
            title=title or question_set.title,
            description=description if action == "rename" else question_set.description,
            entries=entries,
            catalog=catalog,
            now=clock.now(),
        )
    except HiringError as error:
        return set_page(request, question_set, catalog, error=error.message)
    return RedirectResponse(f"/manage/sets/{question_set.id}", status_code=303)


@router.post("/sets/{set_id}/questions")
def write_question(
    request: Request,
    question_set: OwnSet,
    session: SessionDep,
    user: ManagerUser,
    catalog: CatalogDep,
    clock: ClockDep,
    prompt: Annotated[str, Form(max_length=manager_questions.MAX_PROMPT)] = "",
    answer: Annotated[str, Form(max_length=manager_questions.MAX_ANSWER)] = "",
    key_points: Annotated[str, Form(max_length=20_000)] = "",
    topics: Annotated[str, Form(max_length=1000)] = "",
    difficulty: Annotated[str, Form(max_length=16)] = "medium",
    points: Annotated[float, Form(gt=0, le=sets.MAX_POINTS)] = 1.0,
) -> Response:
    """Write a question into the set owner's library and add it to this set."""
    draft = manager_questions.Draft(
        prompt,
        answer,
        [p for p in key_points.splitlines() if p.strip()],
        topics.split(","),
        difficulty,
    )
    try:
        if user.id != question_set.owner_id:  # an admin in someone else's set
            raise HiringError("Only the set's owner can write questions into it.")
        row = manager_questions.create_question(
            session=session, owner=user, draft=draft, catalog=catalog, now=clock.now()
        )
        entry = sets.Entry(ItemKind.concept, (manager_questions.question_id(row),), points)
        sets.update_set(
            session=session,
            question_set=question_set,
            title=question_set.title,
            description=question_set.description,
            entries=[*sets.entries_of(question_set.items), entry],
            catalog=catalog,
            now=clock.now(),
        )
    except HiringError as error:
        return _set_view(request, question_set, catalog, error=error.message, draft=draft)
    return RedirectResponse(f"/manage/sets/{question_set.id}", status_code=303)


def _own_docs(catalog: Catalog, owner_id: int) -> list[QuestionDoc]:
    """The questions `owner_id` wrote (hiring.questions), newest first."""
    own = [doc for owner, doc in catalog.private.values() if owner == owner_id]
    return sorted(own, key=lambda doc: int(doc.id.removeprefix(manager_questions.PREFIX)))[::-1]


def _labels(catalog: Catalog, question_set: QuestionSet) -> dict[str, str]:
    labels = {doc.id: doc.prompt for doc in catalog.questions.values()}
    labels.update({doc.id: doc.prompt for doc in _own_docs(catalog, question_set.owner_id)})
    labels.update({kata.id: kata.title for kata in catalog.katas.values()})
    for entry in sets.entries_of(question_set.items):  # the owner's katas written in the browser
        for ref_id in entry.ref_ids:
            if ref_id not in labels and catalog.kata_owner_of(ref_id) == question_set.owner_id:
                kata = catalog.held_kata(ref_id)
                labels[ref_id] = kata.title if kata else ref_id
    return labels


def _find(
    catalog: Catalog,
    own_katas: Sequence[KataSpec],
    owner_id: int,
    q: str,
    kind: str,
    topic: str,
    difficulty: str,
) -> list[dict[str, Any]]:
    """The owner's own katas and questions, then catalog katas and bank questions, matching the
    picker's filters, at most 50; never another manager's (until an admin publishes it)."""
    found: list[dict[str, Any]] = []
    if kind in ("", "kata"):
        words = q.lower().split()
        own_ids = {kata.id for kata in own_katas}
        public = [kata for kata in catalog.katas.values() if kata.id not in own_ids]
        for kata in [*own_katas, *sorted(public, key=lambda k: k.title)]:
            text = f"{kata.title} {kata.id} {' '.join(kata.topics)}".lower()
            if (
                all(w in text for w in words)
                and (not topic or topic in kata.topics)
                and (not difficulty or kata.difficulty == difficulty)
            ):
                found.append(
                    {
                        "kind": "kata",
                        "id": kata.id,
                        "label": kata.title,
                        "difficulty": kata.difficulty,
                        "topics": kata.topics,
                    }
                )
    if kind in ("", "concept"):
        # The owner's own questions first (a small index of their own), then the bank's.
        docs: list[QuestionDoc] = []
        own = SearchIndex(_own_docs(catalog, owner_id))
        for index in (own, catalog.search_index):
            docs.extend(index.search(text=q, topic=topic or None, difficulty=difficulty or None))
        for doc in docs:
            found.append(
                {
                    "kind": "concept",
                    "id": doc.id,
                    "label": doc.prompt,
                    "difficulty": doc.difficulty,
                    "topics": doc.topics,
                }
            )
    return found[:50]


# ---- assessments -----------------------------------------------------------------------


@router.get("/assessments")
def assessment_list(
    request: Request, session: SessionDep, user: ManagerUser, error: str | None = None
) -> Response:
    return render(
        request,
        "manage/assessments.html",
        assessments=assessments.list_assessments(session=session, user=user),
        sets=sets.list_sets(session=session, user=user),
        error=error,
    )


@router.post("/assessments")
def publish(
    request: Request,
    session: SessionDep,
    user: ManagerUser,
    clock: ClockDep,
    set_id: Annotated[int, Form(ge=1)],
    title: Annotated[str, Form(max_length=200)],
    minutes: Annotated[int, Form(ge=1, le=assessments.MAX_MINUTES)],
    opens_at: Annotated[str, Form(max_length=40)],
    closes_at: Annotated[str, Form(max_length=40)],
    instructions: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    """Publish from the form; the times are read as UTC (the form says so)."""
    try:
        question_set = sets.get_set(session=session, set_id=set_id, user=user)
        created = assessments.publish(
            session=session,
            owner=user,
            question_set=question_set,
            title=title,
            minutes=minutes,
            opens_at=_utc_field("opens_at", opens_at),
            closes_at=_utc_field("closes_at", closes_at),
            instructions=instructions,
            now=clock.now(),
        )
    except HiringError as error:
        return assessment_list(request, session, user, error=error.message)
    return RedirectResponse(f"/manage/assessments/{created.id}", status_code=303)


def _utc_field(name: str, value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise assessments.AssessmentError(f"{name}: not a date and time.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@router.get("/assessments/{assessment_id}")
def assessment_page(
    request: Request,
    assessment: OwnAssessment,
    session: SessionDep,
    clock: ClockDep,
    sort: Annotated[str, Query(max_length=10)] = "name",
    status: Annotated[str, Query(max_length=12)] = "",
    links: list[dict[str, Any]] | None = None,
    error: str | None = None,
) -> Response:
    flags = similarity_runs.flags_of(session=session, assessment=assessment)
    rows = reports.candidate_rows(session=session, assessment=assessment, now=clock.now())
    shown = [row for row in rows if not status or row.status == status]
    shown.sort(key=SORTS.get(sort, SORTS["name"]))
    names = {row.invitation.id: row.invitation.display_name or row.invitation.name for row in rows}
    return render(
        request,
        "manage/assessment.html",
        assessment=assessment,
        version=assessments.version_of(session=session, assessment=assessment),
        rows=shown,
        all_rows=rows,
        flags=flags,
        similarity_pending=similarity_runs.pending(session=session, assessment=assessment),
        names=names,
        sort=sort,
        status=status,
        statuses=[s.value for s in reports.Status],
        histogram=_histogram(rows),
        links=links or [],
        error=error,
    )


def _histogram(rows: list[reports.CandidateRow]) -> list[int]:
    """Graded candidates per tenth of the maximum score (0-10% ... 90-100%)."""
    bins = [0] * 10
    for row in rows:
        if row.score is not None and row.max_score:
            bins[min(9, int(10 * row.score / row.max_score))] += 1
    return bins


@router.post("/assessments/{assessment_id}/invitations")
def invite(
    request: Request,
    assessment: OwnAssessment,
    session: SessionDep,
    catalog: CatalogDep,
    settings: SettingsDep,
    mailer: MailerDep,
    clock: ClockDep,
    name: Annotated[str, Form(max_length=120)] = "",
    email: Annotated[str, Form(max_length=254)] = "",
    extra_minutes: Annotated[int, Form(ge=0, le=invitations.MAX_EXTRA_MINUTES)] = 0,
    extra_percent: Annotated[int, Form(ge=0, le=invitations.MAX_EXTRA_PERCENT)] = 0,
    extra_reason: Annotated[str, Form(max_length=500)] = "",
    bulk: Annotated[str, Form(max_length=100_000)] = "",
    send_email: Annotated[bool, Form()] = False,
) -> Response:
    """Invite one candidate, or many pasted as CSV; the links are shown once, on this page."""
    try:
        rows = (
            invitations.parse_csv(bulk)
            if bulk.strip()
            else [invitations.CandidateRow(name, email, extra_minutes)]
        )
        made = []
        for row in rows:
            invitation, token = invitations.invite(
                session=session,
                assessment=assessment,
                name=row.name,
                email=row.email,
                extra_minutes=row.extra_minutes,
                extra_percent=0 if bulk.strip() else extra_percent,
                extra_reason="" if bulk.strip() else extra_reason,
                now=clock.now(),
            )
            made.append((invitation, candidate_url(request, settings.public_url, token)))
    except HiringError as error:
        return assessment_page(request, assessment, session, clock, error=error.message)
    links = []
    for invitation, url in made:
        note = ""
        if send_email and invitation.email:
            try:
                send_invitation(
                    mailer=mailer, invitation=invitation, assessment=assessment, url=url
                )
                note = "emailed"
            except MailError as error:
                note = str(error)
        links.append({"name": invitation.name, "email": invitation.email, "url": url, "note": note})
    return assessment_page(request, assessment, session, clock, links=links)


@router.post("/assessments/{assessment_id}/candidates/{invitation_id}/revoke")
def revoke(
    assessment: OwnAssessment, invitation: OwnInvitation, session: SessionDep, clock: ClockDep
) -> Response:
    invitations.revoke(session=session, invitation=invitation, now=clock.now())
    return RedirectResponse(f"/manage/assessments/{assessment.id}", status_code=303)


# ---- one candidate ---------------------------------------------------------------------


@router.get("/assessments/{assessment_id}/candidates/{invitation_id}")
def candidate_page(
    request: Request,
    assessment: OwnAssessment,
    invitation: OwnInvitation,
    session: SessionDep,
    catalog: CatalogDep,
    clock: ClockDep,
) -> Response:
    attempt = session.get(Attempt, invitation.attempt_id) if invitation.attempt_id else None
    cards, histories, diffs = [], {}, {}
    if attempt is not None:
        items = attempts.items_of(session=session, attempt=attempt)
        cards = scorecard.item_cards(session=session, attempt=attempt, items=items, catalog=catalog)
        for item in items:
            histories[item.id] = [
                {"at": as_utc(s.at).isoformat(), "body": s.body}
                for s in snapshots.history(session=session, item=item)
            ]
            kata = (
                catalog.held_kata(item.kata_id or "", item.kata_version_id)
                if item.kind == ItemKind.kata
                else None
            )
            if kata is not None:
                diffs[item.id] = list(
                    difflib.unified_diff(
                        kata.starter.splitlines(),
                        item.answer.splitlines(),
                        "starter.py",
                        "final",
                        lineterm="",
                    )
                )
    overrides = reports.overrides_of(session=session, invitation=invitation)
    row = next(
        r
        for r in reports.candidate_rows(session=session, assessment=assessment, now=clock.now())
        if r.invitation.id == invitation.id
    )
    return render(
        request,
        "manage/candidate.html",
        assessment=assessment,
        invitation=invitation,
        attempt=attempt,
        row=row,
        cards=cards,
        histories=histories,
        diffs=diffs,
        overrides=overrides,
        decisions=[d.value for d in Decision],
    )


@router.post("/assessments/{assessment_id}/candidates/{invitation_id}/decision")
def decide(
    assessment: OwnAssessment,
    invitation: OwnInvitation,
    session: SessionDep,
    user: ManagerUser,
    clock: ClockDep,
    decision: Annotated[Decision, Form()],
    notes: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    reports.decide(
        session=session,
        assessment=assessment,
        invitation=invitation,
        decision=decision,
        notes=notes,
        actor=user,
        now=clock.now(),
    )
    return RedirectResponse(
        f"/manage/assessments/{assessment.id}/candidates/{invitation.id}", status_code=303
    )


@router.post("/assessments/{assessment_id}/candidates/{invitation_id}/items/{item_id}/score")
def override(
    assessment: OwnAssessment,
    invitation: OwnInvitation,
    item_id: Id,
    session: SessionDep,
    user: ManagerUser,
    clock: ClockDep,
    score: Annotated[float, Form(ge=0)],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    reports.override_score(
        session=session,
        assessment=assessment,
        invitation=invitation,
        item_id=item_id,
        score=score,
        note=note,
        actor=user,
        now=clock.now(),
    )
    return RedirectResponse(
        f"/manage/assessments/{assessment.id}/candidates/{invitation.id}#item-{item_id}",
        status_code=303,
    )


@router.post("/assessments/{assessment_id}/candidates/{invitation_id}/delete")
def delete_candidate(
    assessment: OwnAssessment, invitation: OwnInvitation, session: SessionDep, user: ManagerUser
) -> Response:
    reports.delete_candidate(
        session=session, assessment=assessment, invitation=invitation, actor=user
    )
    return RedirectResponse(f"/manage/assessments/{assessment.id}", status_code=303)


# ---- similarity --------------------------------------------------------------------------


@router.get("/assessments/{assessment_id}/flags/{flag_id}")
def flag_page(
    request: Request,
    assessment: OwnAssessment,
    flag_id: Id,
    session: SessionDep,
) -> Response:
    flag = session.get(SimilarityFlag, flag_id)
    if flag is None or flag.assessment_id != assessment.id:
        raise HTTPException(404, "This assessment has no similarity flag with that number.")
    codes = reports.final_code(session=session, flag=flag)
    result = similarity.compare_prints(*similarity_runs.prints_of(session=session, flag=flag))
    return render(
        request,
        "manage/flag.html",
        assessment=assessment,
        flag=flag,
        sides=[
            (codes[0][0], _marked(codes[0][1], result.spans_a)),
            (codes[1][0], _marked(codes[1][1], result.spans_b)),
        ],
        result=result,
        statuses=[s.value for s in FlagStatus],
    )


def _marked(code: str, spans: tuple[similarity.Span, ...]) -> list[tuple[str, bool]]:
    """`code` cut into (text, matches the other side) pieces, for <mark> highlighting."""
    pieces, at = [], 0
    for span in spans:
        if span.start > at:
            pieces.append((code[at : span.start], False))
        pieces.append((code[span.start : span.end], True))
        at = span.end
    pieces.append((code[at:], False))
    return [piece for piece in pieces if piece[0]]


@router.post("/assessments/{assessment_id}/flags/{flag_id}")
def review_flag(
    assessment: OwnAssessment,
    flag_id: Id,
    session: SessionDep,
    user: ManagerUser,
    status: Annotated[FlagStatus, Form()],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    reports.review_flag(
        session=session,
        assessment=assessment,
        flag_id=flag_id,
        status=status,
        note=note,
        actor=user,
    )
    return RedirectResponse(f"/manage/assessments/{assessment.id}#similarity", status_code=303)
