"""Spaced repetition per user with FSRS: the due queue, new cards at a daily rate, ratings.

Every function takes `now` so tests can step the clock; routes pass the real time. A card
is created the first time its question is rated ("introduced"); the daily allowance of new
cards counts cards introduced since the start of the current UTC day.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from typing import Final

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler
from sqlalchemy import ColumnElement, update
from sqlmodel import Session, col, func, select

from server.keypoints import Coverage
from server.models import Card, PracticeEvent, Question, User
from server.upserts import insert_or_ignore

__all__ = [
    "ANSWER_MAX_CHARS",
    "RATINGS",
    "EventNotFound",
    "LastReview",
    "QueueState",
    "answer_event",
    "as_utc",
    "day_start",
    "format_interval",
    "fsrs_card",
    "last_review",
    "next_intervals",
    "practice_queue",
    "public_bank",
    "queue_state",
    "rate",
    "record_answer",
    "scheduler",
    "upcoming",
]

RATINGS: Final = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
# Long enough for any interview answer, short enough that scoring stays instant.
ANSWER_MAX_CHARS: Final = 10_000

scheduler: Final = Scheduler()
# Previews show the interval before FSRS's random fuzz (as Anki's buttons do), so they are the
# same on every look; the real review may land a day or so either side of a long one.
_preview: Final = Scheduler(enable_fuzzing=False)


class EventNotFound(LookupError):
    """The answer being rated is not one of this user's unrated answers to this question."""


@dataclass(frozen=True)
class QueueState:
    """What a user can practise now: cards due, new cards still allowed today, next due time."""

    due: int
    new_available: int
    next_due: datetime | None

    @property
    def total(self) -> int:
        return self.due + self.new_available


def as_utc(moment: datetime) -> datetime:
    """The same instant, timezone-aware in UTC; SQLite hands stored datetimes back naive."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def day_start(now: datetime) -> datetime:
    """Midnight UTC of the day `now` falls on."""
    return datetime.combine(as_utc(now).date(), time(), tzinfo=UTC)


def fsrs_card(card: Card) -> FsrsCard:
    """The FSRS state stored on a card row."""
    return FsrsCard.from_dict(card.fsrs_card)  # type: ignore[arg-type]


def queue_state(
    *,
    session: Session,
    user: User,
    now: datetime,
    new_per_day: int,
    only: Collection[str] | None = None,
) -> QueueState:
    """Counts for the home page and the practice page's empty state; with `only`, counted
    among those question ids (the topics the user chose)."""
    now = as_utc(now)
    due, next_due = _due_counts(session=session, user=user, now=now, only=only)
    return _queue(
        due,
        next_due,
        allowance=_new_allowance(session=session, user=user, now=now, new_per_day=new_per_day),
        unseen=_unseen_count(session=session, user=user, only=only),
    )


def practice_queue(
    *,
    session: Session,
    user: User,
    now: datetime,
    new_per_day: int,
    only: Collection[str] | None = None,
) -> tuple[Question | None, QueueState]:
    """The question to practise next and the queue's counts (see `queue_state`).

    Next is the card due longest ago, else the first unseen question in notes order if
    today's allowance permits; with `only`, among those question ids. Asked together, the
    counts they share are asked once: four queries.
    """
    now = as_utc(now)
    due, next_due = _due_counts(session=session, user=user, now=now, only=only)
    allowance = _new_allowance(session=session, user=user, now=now, new_per_day=new_per_day)
    question: Question | None = None
    if due:
        question = session.exec(
            select(Question)
            .join(Card, col(Card.question_id) == Question.id)
            .where(*_live_cards(user, only), Card.due <= now)
            .order_by(col(Card.due), col(Card.id))
            .limit(1)
        ).first()
        unseen_count = _unseen_count(session=session, user=user, only=only)
    else:
        # Two columns, not whole rows: every unseen question is looked at (hundreds, on every
        # practice page), and only the first in notes order is loaded.
        unseen = session.exec(
            select(Question.source, Question.id).where(*_unseen(user, only))
        ).all()
        unseen_count = len(unseen)
        first = min(unseen, key=lambda row: _source_order(row[0], row[1]), default=None)
        if allowance > 0 and first is not None:
            question = session.get(Question, first[1])
    return question, _queue(due, next_due, allowance=allowance, unseen=unseen_count)


def _due_counts(
    *, session: Session, user: User, now: datetime, only: Collection[str] | None
) -> tuple[int, datetime | None]:
    """How many of the user's cards are due at `now`, and when the soonest is due."""
    due, next_due = session.exec(
        select(func.count().filter(col(Card.due) <= now), func.min(Card.due)).where(
            *_live_cards(user, only)
        )
    ).one()
    return due, next_due


def _queue(due: int, next_due: datetime | None, *, allowance: int, unseen: int) -> QueueState:
    """The counts from their parts, so the home page and the practice pages agree on them."""
    return QueueState(
        due=due,
        new_available=min(allowance, unseen),
        next_due=as_utc(next_due) if next_due is not None else None,
    )


def upcoming(*, session: Session, user: User, limit: int) -> list[tuple[datetime, Question]]:
    """When each of the user's cards is due (UTC), soonest first, with its question."""
    rows = session.exec(
        select(Card, Question)
        .join(Question, col(Card.question_id) == Question.id)
        .where(*_live_cards(user))
        .order_by(col(Card.due), col(Card.id))
        .limit(limit)
    ).all()
    return [(as_utc(card.due), question) for card, question in rows]


def next_intervals(
    *, session: Session, user: User, question_id: str, now: datetime
) -> dict[int, timedelta]:
    """For each rating, how long until the card would be due again (FSRS, previewed, unsaved):
    what the rating buttons show, as Anki's do."""
    now = as_utc(now)
    card = session.exec(
        select(Card).where(Card.user_id == user.id, Card.question_id == question_id)
    ).first()
    state = fsrs_card(card) if card is not None else FsrsCard(due=now)
    return {
        rating: _preview.review_card(state, Rating(rating), now)[0].due - now for rating in RATINGS
    }


def format_interval(interval: timedelta) -> str:
    """A short interval as Anki writes it on its buttons: 10m, 5h, 4d, 1.5mo, 2.1y."""
    minutes = interval.total_seconds() / 60
    if minutes < 60:
        return f"{max(1, round(minutes))}m"
    if minutes < 24 * 60:
        return f"{round(minutes / 60)}h"
    days = minutes / (24 * 60)
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}".removesuffix(".0") + "mo"
    return f"{days / 365:.1f}".removesuffix(".0") + "y"


@dataclass(frozen=True)
class LastReview:
    """The user's latest rating of a question and when its card is due next."""

    rating: int
    due: datetime


def last_review(*, session: Session, user: User, question_id: str) -> LastReview | None:
    """What the confirmation after a rating says; None before the first rating."""
    rating = session.exec(
        select(PracticeEvent.rating)
        .where(
            PracticeEvent.user_id == user.id,
            PracticeEvent.question_id == question_id,
            col(PracticeEvent.rating).is_not(None),
        )
        .order_by(col(PracticeEvent.at).desc(), col(PracticeEvent.id).desc())
        .limit(1)
    ).first()
    due = session.exec(
        select(Card.due).where(Card.user_id == user.id, Card.question_id == question_id)
    ).first()
    if rating is None or due is None:
        return None
    return LastReview(rating=rating, due=as_utc(due))


def rate(
    *,
    session: Session,
    user: User,
    question_id: str,
    rating: int,
    now: datetime,
    answer_event_id: int | None = None,
) -> PracticeEvent:
    """Review the user's card for a question (introducing it if new) and store the event.

    A flashcard rating is a new event; with `answer_event_id` the rating completes that
    typed-answer event instead, so one attempt stays one row.
    """
    if rating not in RATINGS:
        raise ValueError(f"rating must be one of {sorted(RATINGS)}, not {rating!r}")
    now = as_utc(now)
    event = None
    if answer_event_id is not None:
        event = _claim_answer_event(session, user, question_id, answer_event_id, rating)
    card = _card_for_review(session, user, question_id, now)
    reviewed, _ = scheduler.review_card(fsrs_card(card), Rating(rating), now)
    card.fsrs_card = dict(reviewed.to_dict())
    card.due = reviewed.due
    session.add(card)
    if event is None:
        event = PracticeEvent(
            user_id=_id(user), question_id=question_id, at=now, mode="flashcard", rating=rating
        )
        session.add(event)
    session.commit()
    session.refresh(event)
    return event


def _card_for_review(session: Session, user: User, question_id: str, now: datetime) -> Card:
    """The user's card for the question, introduced now if new, locked until the commit.

    Inserted with ON CONFLICT DO NOTHING, so two first ratings arriving together (two tabs,
    a double click) both review the one card instead of the second failing on the unique key.
    """
    new = FsrsCard(card_id=int(now.timestamp() * 1000), due=now)
    insert_or_ignore(
        session=session,
        model=Card,
        values={
            "user_id": _id(user),
            "question_id": question_id,
            "fsrs_card": dict(new.to_dict()),
            "due": now,
            "introduced_at": now,
        },
        keys=("user_id", "question_id"),
    )
    return session.exec(
        select(Card)
        .where(Card.user_id == user.id, Card.question_id == question_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def record_answer(
    *,
    session: Session,
    user: User,
    question_id: str,
    typed_answer: str,
    coverage: Coverage,
    now: datetime,
) -> PracticeEvent:
    """Store a typed answer and its key-point coverage; the self-rating comes later via `rate`."""
    event = PracticeEvent(
        user_id=_id(user),
        question_id=question_id,
        at=as_utc(now),
        mode="answer",
        typed_answer=typed_answer,
        key_point_score=coverage.score if coverage.covered else None,
        covered_key_points=coverage.covered_indexes,
    )
    session.add(event)
    session.commit()
    session.refresh(event)
    return event


def answer_event(*, session: Session, user: User, event_id: int) -> PracticeEvent | None:
    """One of the user's own typed answers, or None (someone else's looks the same as none)."""
    event = session.get(PracticeEvent, event_id)
    if event is None or event.user_id != user.id or event.mode != "answer":
        return None
    return event


def _claim_answer_event(
    session: Session, user: User, question_id: str, event_id: int, rating: int
) -> PracticeEvent:
    """Set the rating of one of the user's unrated answers, or raise EventNotFound.

    The update itself checks that the answer is still unrated, so of two ratings racing for
    one answer exactly one wins and the other is told, instead of both reviewing the card.
    """
    claimed = session.execute(
        update(PracticeEvent)
        .where(
            col(PracticeEvent.id) == event_id,
            col(PracticeEvent.user_id) == _id(user),
            col(PracticeEvent.question_id) == question_id,
            col(PracticeEvent.mode) == "answer",
            col(PracticeEvent.rating).is_(None),
        )
        .values(rating=rating)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise EventNotFound(event_id)
    event = session.get(PracticeEvent, event_id, populate_existing=True)
    assert event is not None
    return event


def _id(user: User) -> int:
    if user.id is None:
        raise ValueError("the user has not been saved yet")
    return user.id


def public_bank() -> tuple[ColumnElement[bool], ...]:
    """Conditions for mirror rows of the public bank: present in the files, not a manager's own."""
    return (col(Question.removed_at).is_(None), col(Question.owner_id).is_(None))


def _live_cards(user: User, only: Collection[str] | None = None) -> tuple[ColumnElement[bool], ...]:
    """Conditions for the user's cards whose question is still in the bank (and in `only`)."""
    live = select(Question.id).where(*public_bank())
    conditions: list[ColumnElement[bool]] = [
        col(Card.user_id) == user.id,
        col(Card.question_id).in_(live),
    ]
    if only is not None:
        conditions.append(col(Card.question_id).in_(list(only)))
    return tuple(conditions)


def _unseen(user: User, only: Collection[str] | None = None) -> tuple[ColumnElement[bool], ...]:
    """Conditions for questions in the bank (and in `only`) the user has no card for yet."""
    seen = select(Card.question_id).where(Card.user_id == user.id)
    conditions: list[ColumnElement[bool]] = [*public_bank(), col(Question.id).not_in(seen)]
    if only is not None:
        conditions.append(col(Question.id).in_(list(only)))
    return tuple(conditions)


def _unseen_count(*, session: Session, user: User, only: Collection[str] | None = None) -> int:
    return session.exec(
        select(func.count()).select_from(Question).where(*_unseen(user, only))
    ).one()


def _new_allowance(*, session: Session, user: User, now: datetime, new_per_day: int) -> int:
    introduced = session.exec(
        select(func.count())
        .select_from(Card)
        .where(Card.user_id == user.id, Card.introduced_at >= day_start(now))
    ).one()
    return max(0, new_per_day - introduced)


_SOURCE = re.compile(r"^(.*?):(\d+)$")


@lru_cache(maxsize=16384)  # the bank's questions, each sorted on every practice page
def _source_order(source: str, question_id: str) -> tuple[str, int, str]:
    """Notes order: file, then line number as a number (so line 9 comes before line 10)."""
    found = _SOURCE.match(source)
    if found is None:
        return (source, 0, question_id)
    return (found.group(1), int(found.group(2)), question_id)
