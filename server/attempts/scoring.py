"""Scoring an attempt's items: concepts by key-point coverage, katas by their hidden tests.

Concept items are scored when the attempt is submitted (it is quick, and pure). Each kata
item with code becomes an ordinary hidden-test `Submission`, handed to the grading queue
like any other, so it shows in the kata's history and scales with the queue's workers;
`settle` gives the attempt its total once every one of them is done. A blank item scores 0
without being graded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from graders import Verdict
from server import reviews
from server.attempts.models import Attempt, AttemptItem, AttemptKind, ItemKind
from server.catalog import Catalog
from server.keypoints import Coverage, coverage
from server.models import Submission, User
from server.submissions import Kind, Status

__all__ = ["is_blank", "kata_results", "score_items", "totals"]


def is_blank(item: AttemptItem, catalog: Catalog) -> bool:
    """Nothing typed, or a kata's starter code left as it was."""
    if not item.answer.strip():
        return True
    if item.kind != ItemKind.kata:
        return False
    kata = catalog.held_kata(item.kata_id or "", item.kata_version_id)
    return kata is not None and item.answer.strip() == kata.starter.strip()


def score_items(
    *,
    session: Session,
    attempt: Attempt,
    items: Sequence[AttemptItem],
    catalog: Catalog,
    now: datetime,
) -> list[Submission]:
    """Score concept items and store a submission per kata item with code; returns those.

    Items already scored are skipped, so calling it again after a crash finishes the job.
    The caller commits, then enqueues the returned submissions (their ids exist by then).
    """
    # A mock feeds its user's practice; an assessment's candidate has no practice to feed.
    practising = attempt.kind == AttemptKind.mock and attempt.user_id is not None
    owner = session.get(User, attempt.user_id) if practising else None
    queued: list[Submission] = []
    for item in items:
        if item.score is not None or item.submission_id is not None:
            continue  # scored before a restart cut this short: each item is scored once
        if item.kind == ItemKind.concept:
            _score_concept(session, item, catalog, owner, now)
        elif is_blank(item, catalog):
            item.score, item.covered_key_points = 0.0, []
        else:
            # Assessment attempts without a user account get their submissions from the
            # hiring issue's invitation-owned submissions; mocks always have an owner.
            assert attempt.user_id is not None and item.kata_id is not None
            submission = Submission(
                user_id=attempt.user_id,
                kata_id=item.kata_id,
                kata_version_id=item.kata_version_id,
                kind=Kind.submit,
                source=item.answer,
                created_at=now,
            )
            session.add(submission)
            session.flush()
            item.submission_id = submission.id
            queued.append(submission)
        session.add(item)
    return queued


def _score_concept(
    session: Session, item: AttemptItem, catalog: Catalog, owner: User | None, now: datetime
) -> None:
    doc = catalog.held_question(item.question_id or "")
    if doc is None:  # the question left the bank mid-attempt: nothing to score it against
        item.score, item.covered_key_points = 0.0, []
        return
    # A blank answer is not scored, but it still joins the review schedule (as not known).
    blank = not item.answer.strip()
    result = (
        Coverage((0.0,) * len(doc.key_points))
        if blank
        else coverage(doc.key_points, item.answer, idf=catalog.idf, prompt=doc.prompt)
    )
    item.score = round(result.score * item.points, 4)
    item.covered_key_points = result.covered_indexes
    if owner is not None:
        event = reviews.record_answer(
            session=session,
            user=owner,
            question_id=doc.id,
            typed_answer=item.answer,
            coverage=result,
            now=now,
        )
        item.practice_event_id = event.id


def kata_results(*, session: Session, items: Sequence[AttemptItem]) -> bool:
    """Copy finished kata verdicts onto their items; whether every kata item is done."""
    ids = [item.submission_id for item in items if item.submission_id is not None]
    found = {
        row.id: row
        for row in session.exec(select(Submission).where(col(Submission.id).in_(ids))).all()
    }
    done = True
    for item in items:
        submission = found.get(item.submission_id) if item.submission_id else None
        if submission is None:
            continue
        if submission.status != Status.done:
            done = False
            continue
        item.verdict = submission.verdict
        item.score = item.points if submission.verdict == Verdict.PASSED else 0.0
        session.add(item)
    return done


def totals(items: Sequence[AttemptItem]) -> tuple[float, float]:
    """(score, max_score) over the items."""
    return (
        round(sum(item.score or 0.0 for item in items), 4),
        round(sum(item.points for item in items), 4),
    )
