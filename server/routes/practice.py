"""Practice: flashcards (reveal, then rate) and answer mode (type, see key points, then rate).

Each page is one URL that serves the whole page, or only the card when htmx asks for it
(`HX-Target: card`); every form also works as a plain form, answered with a redirect.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from server import ratelimit, reviews
from server.bank.files import QuestionDoc
from server.catalog import Catalog
from server.config import Settings
from server.deps import CatalogDep, CurrentUser, SessionDep, SettingsDep, question_or_404, render
from server.keypoints import coverage, suggested_rating
from server.models import PracticeEvent, User, utcnow
from server.practice_topics import TopicChoice, choose_topics
from server.ratelimit import RateLimited, Window

router = APIRouter()

QuestionField = Annotated[str, Form(min_length=1, max_length=120)]
RatingField = Annotated[int, Form(ge=1, le=4)]
QuestionQuery = Annotated[str, Query(max_length=120)]
# The topics to practise (none chosen: all); unknown names are ignored, the count is capped.
TopicsQuery = Annotated[list[str], Query(max_length=50)]
TopicsField = Annotated[list[str], Form(max_length=50)]


@router.get("/flashcards")
def flashcards(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    settings: SettingsDep,
    question: QuestionQuery = "",
    reveal: bool = False,
    rated: QuestionQuery = "",
    topic: TopicsQuery = [],  # noqa: B006 (FastAPI copies defaults; a list is its idiom)
) -> Response:
    chosen = choose_topics(catalog, topic)
    doc, queue = _card_and_queue(session, user, catalog, settings, chosen, question)
    revealed = reveal and doc is not None
    return _card(
        request,
        "flashcards",
        question=doc,
        revealed=revealed,
        queue=queue,
        intervals=_intervals(session, user, doc) if revealed else None,
        confirmation=_confirmation(session, user, catalog, rated),
        chosen=chosen,
    )


@router.post("/flashcards")
def rate_flashcard(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    settings: SettingsDep,
    question_id: QuestionField,
    rating: RatingField,
    topic: TopicsField = [],  # noqa: B006
) -> Response:
    doc = question_or_404(question_id, catalog)
    reviews.rate(session=session, user=user, question_id=doc.id, rating=rating, now=utcnow())
    if not _wants_card(request):
        query = urlencode({"rated": doc.id, "topic": topic}, doseq=True)
        return RedirectResponse(f"/flashcards?{query}", status_code=303)
    return flashcards(request, session, user, catalog, settings, rated=doc.id, topic=topic)


@router.get("/answer")
def answer_form(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    settings: SettingsDep,
    question: QuestionQuery = "",
    rated: QuestionQuery = "",
    topic: TopicsQuery = [],  # noqa: B006
) -> Response:
    chosen = choose_topics(catalog, topic)
    doc, queue = _card_and_queue(session, user, catalog, settings, chosen, question)
    return _card(
        request,
        "answer",
        question=doc,
        queue=queue,
        typed="",
        error=None,
        confirmation=_confirmation(session, user, catalog, rated),
        chosen=chosen,
    )


@router.post("/answer")
def submit_answer(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    settings: SettingsDep,
    question_id: QuestionField,
    answer: Annotated[str, Form()] = "",
    topic: TopicsField = [],  # noqa: B006
) -> Response:
    doc = question_or_404(question_id, catalog)
    chosen = choose_topics(catalog, topic)
    error = _answer_problem(answer)
    if error is None:
        # Scoring a typed answer costs CPU, so a script typing answers is a flood like any other.
        window = Window(settings.answers_per_minute, timedelta(minutes=1))
        try:
            ratelimit.take(session=session, scopes=[("answer", str(user.id), window)])
        except RateLimited as exc:
            status = 200 if _wants_card(request) else 429
            return _card(
                request,
                "answer",
                status_code=status,
                headers={"Retry-After": str(exc.seconds)},
                question=doc,
                typed=answer,
                error=f"That is {settings.answers_per_minute} answers in the last minute, the "
                f"most allowed. Try again in {exc.seconds} seconds.",
            )
    if error is not None:
        # htmx leaves 4xx responses unswapped, so the fragment carries the error with a 200.
        status = 200 if _wants_card(request) else 400
        return _card(
            request,
            "answer",
            status_code=status,
            question=doc,
            typed=answer,
            error=error,
            chosen=chosen,
        )
    result = coverage(doc.key_points, answer, idf=catalog.idf, prompt=doc.prompt)
    event = reviews.record_answer(
        session=session,
        user=user,
        question_id=doc.id,
        typed_answer=answer,
        coverage=result,
        now=utcnow(),
    )
    if not _wants_card(request):
        query = urlencode({"topic": chosen.topics}, doseq=True)
        return RedirectResponse(f"/answer/{event.id}{'?' if query else ''}{query}", 303)
    return _result(request, session, user, catalog, event, chosen)


@router.get("/answer/{event_id}")
def answer_result(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    event_id: Annotated[int, Path(ge=1)],
    topic: TopicsQuery = [],  # noqa: B006
) -> Response:
    event = reviews.answer_event(session=session, user=user, event_id=event_id)
    if event is None:
        raise HTTPException(404, "There is no answer of yours with that number.")
    return _result(request, session, user, catalog, event, choose_topics(catalog, topic))


@router.post("/answer/{event_id}/rate")
def rate_answer(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    catalog: CatalogDep,
    settings: SettingsDep,
    event_id: Annotated[int, Path(ge=1)],
    rating: RatingField,
    topic: TopicsField = [],  # noqa: B006
) -> Response:
    event = reviews.answer_event(session=session, user=user, event_id=event_id)
    if event is None or catalog.question(event.question_id) is None:
        raise HTTPException(404, "There is no answer of yours with that number.")
    try:
        reviews.rate(
            session=session,
            user=user,
            question_id=event.question_id,
            rating=rating,
            now=utcnow(),
            answer_event_id=event.id,
        )
    except reviews.EventNotFound:
        raise HTTPException(409, "You have already rated this answer.") from None
    if not _wants_card(request):
        query = urlencode({"rated": event.question_id, "topic": topic}, doseq=True)
        return RedirectResponse(f"/answer?{query}", status_code=303)
    return answer_form(
        request, session, user, catalog, settings, rated=event.question_id, topic=topic
    )


def _wants_card(request: Request) -> bool:
    return (
        request.headers.get("hx-request") == "true" and request.headers.get("hx-target") == "card"
    )


def _card(request: Request, mode: str, *, status_code: int = 200, **context: Any) -> Response:
    """The whole practice page, or just its card when htmx asked for that."""
    context.setdefault("queue", None)
    context.setdefault("intervals", None)
    context.setdefault("confirmation", None)
    context.setdefault("chosen", TopicChoice())
    fragment = "practice/_card.html" if mode == "flashcards" else f"practice/_{mode}.html"
    name = fragment if _wants_card(request) else f"practice/{mode}.html"
    return render(
        request,
        name,
        status_code=status_code,
        ratings=reviews.RATINGS,
        answer_max=reviews.ANSWER_MAX_CHARS,
        **context,
    )


def _result(
    request: Request,
    session: Session,
    user: User,
    catalog: Catalog,
    event: PracticeEvent,
    chosen: TopicChoice,
) -> Response:
    doc = catalog.question(event.question_id)
    if doc is None:
        raise HTTPException(404, "That question is no longer in the bank.")
    covered = set(event.covered_key_points or [])
    points = [(point, index in covered) for index, point in enumerate(doc.key_points)]
    score = event.key_point_score
    return _card(
        request,
        "answer",
        question=doc,
        event=event,
        points=points,
        suggested=suggested_rating(score or 0.0),
        intervals=_intervals(session, user, doc) if event.rating is None else None,
        chosen=chosen,
    )


def _intervals(session: Session, user: User, doc: QuestionDoc | None) -> dict[int, str] | None:
    """What each rating button says the card's next interval would be."""
    if doc is None:
        return None
    previews = reviews.next_intervals(session=session, user=user, question_id=doc.id, now=utcnow())
    return {rating: reviews.format_interval(interval) for rating, interval in previews.items()}


def _confirmation(
    session: Session, user: User, catalog: Catalog, question_id: str
) -> dict[str, str] | None:
    """What the card after a rating says about it: which question, which rating, when next."""
    doc = catalog.question(question_id) if question_id else None
    last = doc and reviews.last_review(session=session, user=user, question_id=doc.id)
    if doc is None or not last:
        return None
    return {
        "prompt": doc.prompt,
        "rating": reviews.RATINGS[last.rating],
        "next": reviews.format_interval(max(last.due - utcnow(), timedelta())),
    }


def _card_and_queue(
    session: Session,
    user: User,
    catalog: Catalog,
    settings: Settings,
    chosen: TopicChoice,
    question_id: str,
) -> tuple[QuestionDoc | None, reviews.QueueState]:
    """The question asked for, else the next one to practise; and the queue's counts."""
    now, per_day, only = utcnow(), settings.new_cards_per_day, chosen.question_ids
    if question_id:
        queue = reviews.queue_state(
            session=session, user=user, now=now, new_per_day=per_day, only=only
        )
        return question_or_404(question_id, catalog), queue
    row, queue = reviews.practice_queue(
        session=session, user=user, now=now, new_per_day=per_day, only=only
    )
    return (catalog.question(row.id) if row is not None else None), queue


def _answer_problem(answer: str) -> str | None:
    if not answer.strip():
        return "Type an answer first (even a guess); the reference answer comes next."
    if len(answer) > reviews.ANSWER_MAX_CHARS:
        return (
            f"That answer is {len(answer):,} characters long; "
            f"the limit is {reviews.ANSWER_MAX_CHARS:,}. Shorten it and try again."
        )
    return None
