"""The scorecard of a graded attempt: per item what was asked, answered, expected and scored,
strengths and weaknesses by topic, and the user's mock scores over time.

Plain data built from the attempt's rows and the content files; the page, the JSON API and
the interviewer seat all read it, so they never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from server.attempts.models import Attempt, AttemptItem, AttemptState, ItemKind
from server.catalog import Catalog
from server.katas import statement_body
from server.keypoints import suggested_rating
from server.models import PracticeEvent, Submission

__all__ = ["ItemCard", "TopicResult", "item_cards", "topic_results"]


@dataclass(frozen=True)
class ItemCard:
    """One item as the scorecard (and the interviewer) shows it."""

    item: AttemptItem
    title: str
    prompt: str  # Markdown: the question's prompt or the kata's statement
    topics: tuple[str, ...]
    reference: str | None  # Markdown reference answer (concepts)
    key_points: tuple[tuple[str, bool], ...]  # (point, covered) once scored
    report: dict[str, Any] | None  # the hidden-test report (katas), once graded
    rated: int | None  # the spaced-repetition rating given to a concept item, if any

    @property
    def covered(self) -> list[str]:
        return [point for point, hit in self.key_points if hit]

    @property
    def missed(self) -> list[str]:
        return [point for point, hit in self.key_points if not hit]

    @property
    def suggested_rating(self) -> int:
        share = (self.item.score or 0.0) / self.item.points if self.item.points else 0.0
        return suggested_rating(share)


@dataclass(frozen=True)
class TopicResult:
    topic: str
    score: float
    max_score: float

    @property
    def share(self) -> float:
        return self.score / self.max_score if self.max_score else 0.0


def item_cards(
    *, session: Session, attempt: Attempt, items: list[AttemptItem], catalog: Catalog
) -> list[ItemCard]:
    """Cards for the items; key-point coverage and reports only once the attempt is graded."""
    graded = attempt.state == AttemptState.graded
    reports = _reports(session, items) if graded else {}
    ratings = _ratings(session, items)
    cards = []
    for item in items:
        if item.kind == ItemKind.concept:
            doc = catalog.held_question(item.question_id or "")
            covered = set(item.covered_key_points or [])
            points = tuple(
                (point, index in covered)
                for index, point in enumerate(doc.key_points if doc else ())
            )
            cards.append(
                ItemCard(
                    item=item,
                    title=doc.prompt if doc else item.question_id or "",
                    prompt=doc.prompt if doc else "This question is no longer in the bank.",
                    topics=doc.topics if doc else (),
                    reference=doc.answer if doc else None,
                    key_points=points,
                    report=None,
                    rated=ratings.get(item.practice_event_id or 0),
                )
            )
            continue
        kata = catalog.held_kata(item.kata_id or "", item.kata_version_id)
        cards.append(
            ItemCard(
                item=item,
                title=kata.title if kata else item.kata_id or "",
                prompt=statement_body(kata) if kata else "This kata is no longer available.",
                topics=tuple(kata.topics) if kata else (),
                reference=None,
                key_points=(),
                report=reports.get(item.submission_id or 0),
                rated=None,
            )
        )
    return cards


def topic_results(cards: list[ItemCard]) -> list[TopicResult]:
    """Score per topic over the items, strongest first."""
    scores: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for card in cards:
        for topic in card.topics:
            scores[topic][0] += card.item.score or 0.0
            scores[topic][1] += card.item.points
    results = [TopicResult(topic, s, m) for topic, (s, m) in scores.items()]
    return sorted(results, key=lambda r: (-r.share, r.topic))


def _reports(session: Session, items: list[AttemptItem]) -> dict[int, dict[str, Any]]:
    ids = [item.submission_id for item in items if item.submission_id is not None]
    rows = session.exec(select(Submission).where(col(Submission.id).in_(ids))).all()
    return {row.id: row.report for row in rows if row.id is not None and row.report is not None}


def _ratings(session: Session, items: list[AttemptItem]) -> dict[int, int]:
    ids = [item.practice_event_id for item in items if item.practice_event_id is not None]
    rows = session.exec(select(PracticeEvent).where(col(PracticeEvent.id).in_(ids))).all()
    return {row.id: row.rating for row in rows if row.id is not None and row.rating is not None}
