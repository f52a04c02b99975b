"""Mock interviews: a user's own timed attempt over a set composed for them.

One mock in progress per user; starting another is refused with `MockInProgress`, naming
the open one so the page can offer to finish or abandon it. "Focus on my weak spots" picks
the topics where the user's history (typed answers' key-point scores, self-ratings, kata
verdicts, earlier mocks) is weakest, and avoids items seen in the last `RECENT_DAYS`.
"""

from __future__ import annotations

import dataclasses
import random
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Final

from sqlmodel import Session, col, select

from graders import Verdict
from server import reviews
from server.attempts import attempts
from server.attempts.models import Attempt, AttemptItem, AttemptKind, AttemptState
from server.attempts.sets import MockPlan, PlanError, compose
from server.catalog import Catalog
from server.models import PracticeEvent, Submission, User
from server.reviews import as_utc
from server.submissions import Kind

__all__ = [
    "RECENT_DAYS",
    "WEAK_TOPICS",
    "MockInProgress",
    "current_mock",
    "list_mocks",
    "rate_concepts",
    "recently_seen",
    "start_mock",
    "topic_strengths",
]

RECENT_DAYS: Final = 3
WEAK_TOPICS: Final = 3


class MockInProgress(attempts.AttemptError):
    """The user already has a mock running; finish or abandon it first."""

    status_code = 409

    def __init__(self, attempt: Attempt) -> None:
        super().__init__(
            f"You already have a mock interview in progress (#{attempt.id}). "
            "Finish it or abandon it before starting another."
        )
        self.attempt = attempt


def current_mock(*, session: Session, user: User) -> Attempt | None:
    """The user's mock in progress, if any."""
    return session.exec(
        select(Attempt).where(
            Attempt.user_id == user.id,
            Attempt.kind == AttemptKind.mock,
            Attempt.state == AttemptState.in_progress,
        )
    ).first()


def start_mock(
    *,
    session: Session,
    user: User,
    plan: MockPlan,
    catalog: Catalog,
    now: datetime,
    minute_seconds: int = 60,
    rng: random.Random | None = None,
) -> Attempt:
    """Compose the set and start the clock; raises PlanError or MockInProgress."""
    running = current_mock(session=session, user=user)
    if running is not None and as_utc(running.deadline_at) >= as_utc(now):
        raise MockInProgress(running)
    avoid: set[str] = set()
    if plan.focus_weak:
        if plan.topics:
            raise PlanError("topics", "Either name topics or focus on weak spots, not both.")
        avoid = recently_seen(session=session, user=user, now=now)
        plan = _with_weak_topics(session, user, plan, catalog)
    items = compose(plan, catalog=catalog, avoid=avoid, rng=rng)
    title = f"{plan.minutes}-minute mock"
    if plan.topics:
        title += ": " + ", ".join(plan.topics)
    return attempts.start(
        session=session,
        kind=AttemptKind.mock,
        user_id=user.id,
        title=title,
        items=items,
        seconds=plan.minutes * minute_seconds,
        now=now,
        catalog=catalog,
        plan=plan.as_json(),
    )


def list_mocks(*, session: Session, user: User, limit: int = 100) -> list[Attempt]:
    """The user's mocks, newest first."""
    return list(
        session.exec(
            select(Attempt)
            .where(Attempt.user_id == user.id, Attempt.kind == AttemptKind.mock)
            .order_by(col(Attempt.started_at).desc(), col(Attempt.id).desc())
            .limit(limit)
        ).all()
    )


def topic_strengths(*, session: Session, user: User, catalog: Catalog) -> dict[str, float]:
    """Per topic with history, the user's mean result in [0, 1] (1 = always right)."""
    results: dict[str, list[float]] = defaultdict(list)
    events = session.exec(select(PracticeEvent).where(PracticeEvent.user_id == user.id)).all()
    for event in events:
        doc = catalog.question(event.question_id)
        if doc is None:
            continue
        if event.rating is not None:
            value = (event.rating - 1) / 3
        elif event.key_point_score is not None:
            value = event.key_point_score
        else:
            continue
        for topic in doc.topics:
            results[topic].append(value)
    kata_rows = session.exec(
        select(Submission.kata_id, Submission.verdict).where(
            Submission.user_id == user.id, Submission.kind == Kind.submit
        )
    ).all()
    for kata_id, verdict in kata_rows:
        kata = catalog.katas.get(kata_id)
        if kata is not None and verdict is not None:
            for topic in kata.topics:
                results[topic].append(1.0 if verdict == Verdict.PASSED else 0.0)
    return {topic: sum(values) / len(values) for topic, values in results.items()}


def recently_seen(*, session: Session, user: User, now: datetime) -> set[str]:
    """Question and kata ids the user met in the last RECENT_DAYS days."""
    since = as_utc(now) - timedelta(days=RECENT_DAYS)
    seen = set(
        session.exec(
            select(PracticeEvent.question_id).where(
                PracticeEvent.user_id == user.id, col(PracticeEvent.at) >= since
            )
        ).all()
    )
    seen |= set(
        session.exec(
            select(Submission.kata_id).where(
                Submission.user_id == user.id, col(Submission.created_at) >= since
            )
        ).all()
    )
    rows = session.exec(
        select(AttemptItem.question_id, AttemptItem.kata_id)
        .join(Attempt, col(Attempt.id) == AttemptItem.attempt_id)
        .where(Attempt.user_id == user.id, col(Attempt.started_at) >= since)
    ).all()
    seen |= {ref for pair in rows for ref in pair if ref is not None}
    return seen


def _with_weak_topics(session: Session, user: User, plan: MockPlan, catalog: Catalog) -> MockPlan:
    """The plan on the user's weakest topics that can fill it; all topics without history."""
    strengths = topic_strengths(session=session, user=user, catalog=catalog)
    if not strengths:
        return plan
    weakest = sorted(strengths, key=lambda topic: (strengths[topic], topic))
    # Widen the topic list until the plan can be filled, weakest first.
    for size in range(min(WEAK_TOPICS, len(weakest)), len(weakest) + 1):
        candidate = dataclasses.replace(plan, topics=tuple(weakest[:size]))
        try:
            compose(candidate, catalog=catalog)
        except PlanError:
            continue
        return candidate
    return plan


def rate_concepts(
    *,
    session: Session,
    user: User,
    items: list[AttemptItem],
    ratings: dict[int, int],
    now: datetime,
) -> int:
    """Put graded concept items on the user's review schedule with these ratings; how many.

    Each item's typed answer is already a practice event; rating it reviews the card, once.
    """
    rated = 0
    for item in items:
        rating = ratings.get(item.id or 0)
        if rating is None or item.practice_event_id is None or item.question_id is None:
            continue
        event = reviews.answer_event(session=session, user=user, event_id=item.practice_event_id)
        if event is None or event.rating is not None:
            continue
        reviews.rate(
            session=session,
            user=user,
            question_id=item.question_id,
            rating=rating,
            now=now,
            answer_event_id=event.id,
        )
        rated += 1
    return rated
