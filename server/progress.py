"""One user's progress: mastery per topic, streak, daily activity, and what comes due next.

Mastery is FSRS-based: a question is *mastered* when its card's stability is at least
`MASTERED_STABILITY_DAYS`, i.e. FSRS predicts at least 90% recall three weeks after the last
review (stability is the time for recall to fall to 90%). A topic's mastery is the share of
its questions that are mastered, so questions not yet started count against it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fsrs import Card as FsrsCard
from sqlmodel import Session, col, func, select

from server.models import Card, PracticeEvent, Question, User
from server.reviews import as_utc, day_start, public_bank

__all__ = [
    "MASTERED_STABILITY_DAYS",
    "Day",
    "TopicMastery",
    "Totals",
    "card_count",
    "daily_activity",
    "streak",
    "topic_mastery",
    "totals",
]

MASTERED_STABILITY_DAYS = 21.0


@dataclass(frozen=True)
class TopicMastery:
    """Questions in a topic, how many the user has started, how many are mastered."""

    topic: str
    questions: int
    started: int
    mastered: int

    @property
    def share(self) -> float:
        return self.mastered / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class Day:
    """One UTC day of practice: every event, the reviews (rated events) and of those how many
    were Good or Easy, and the typed answers checked."""

    day: date
    events: int
    rated: int
    good: int
    answers: int = 0

    @property
    def good_share(self) -> float | None:
        return self.good / self.rated if self.rated else None


@dataclass(frozen=True)
class Totals:
    """Reviews (ratings, each of which moved a card's schedule, whether of a flashcard or of a
    typed answer) and answer checks (typed answers scored against key points, rated or not)."""

    reviews: int
    answer_checks: int


def totals(*, session: Session, user: User) -> Totals:
    """The user's reviews and answer checks, counted apart: one typed answer that is then
    rated is one answer check and one review."""
    reviews, answers = session.exec(
        select(
            func.count(col(PracticeEvent.rating)),
            func.count(col(PracticeEvent.id)).filter(col(PracticeEvent.mode) == "answer"),
        ).where(PracticeEvent.user_id == user.id)
    ).one()
    return Totals(reviews=reviews, answer_checks=answers)


def card_count(*, session: Session, user: User) -> int:
    """Questions the user has started (a card exists once a question has been rated)."""
    return session.exec(select(func.count()).select_from(Card).where(Card.user_id == user.id)).one()


def streak(*, session: Session, user: User, now: datetime) -> int:
    """Consecutive UTC days with at least one event, ending today (or yesterday, still alive)."""
    days = {
        as_utc(at).date()
        for at in session.exec(select(PracticeEvent.at).where(PracticeEvent.user_id == user.id))
    }
    day = as_utc(now).date()
    if day not in days:
        day -= timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def daily_activity(*, session: Session, user: User, now: datetime, days: int = 30) -> list[Day]:
    """The last `days` UTC days, oldest first, today included, empty days too."""
    first = day_start(now) - timedelta(days=days - 1)
    rows = session.exec(
        select(PracticeEvent.at, PracticeEvent.rating, PracticeEvent.mode).where(
            PracticeEvent.user_id == user.id, col(PracticeEvent.at) >= first
        )
    ).all()
    events: Counter[date] = Counter()
    rated: Counter[date] = Counter()
    good: Counter[date] = Counter()
    answers: Counter[date] = Counter()
    for at, rating, mode in rows:
        day = as_utc(at).date()
        events[day] += 1
        answers[day] += mode == "answer"
        if rating is not None:
            rated[day] += 1
            good[day] += rating >= 3
    span = [first.date() + timedelta(days=offset) for offset in range(days)]
    return [Day(day, events[day], rated[day], good[day], answers[day]) for day in span]


def topic_mastery(*, session: Session, user: User) -> list[TopicMastery]:
    """Every topic of the live bank with the user's started and mastered counts, by name."""
    # Columns, not whole rows: the page reads every question of the bank.
    questions = session.exec(select(Question.id, Question.topics).where(*public_bank())).all()
    stabilities = {
        question_id: FsrsCard.from_dict(state).stability  # type: ignore[arg-type]
        for question_id, state in session.exec(
            select(Card.question_id, Card.fsrs_card).where(Card.user_id == user.id)
        ).all()
    }
    totals: Counter[str] = Counter()
    started: Counter[str] = Counter()
    mastered: Counter[str] = Counter()
    for question_id, topics in questions:
        has_card = question_id in stabilities
        stability = stabilities.get(question_id)
        for topic in topics:
            totals[topic] += 1
            started[topic] += has_card
            mastered[topic] += (stability or 0.0) >= MASTERED_STABILITY_DAYS
    return [
        TopicMastery(topic, totals[topic], started[topic], mastered[topic])
        for topic in sorted(totals)
    ]
