"""The attempt lifecycle: start, save answers, move between items, submit, expire, settle.

States: `in_progress` -> `submitted` (answers final, katas grading) -> `graded`, or
`abandoned`. The server owns the clock: every write takes `now` from the server and is
refused with `AttemptClosed` once the deadline has passed or the attempt left
`in_progress`, changing nothing. Expiry happens lazily (`refresh`, on every request that
loads an attempt) and from the periodic sweep (`sweep`), so an abandoned tab still ends up
submitted, with the last saved answer of every item, and graded.

State changes are conditional updates (`... WHERE state = 'in_progress'`), so when a request
and the sweep race to submit the same attempt exactly one of them does it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import update
from sqlmodel import Session, col, select

from server.attempts import scoring, snapshots
from server.attempts.models import Attempt, AttemptItem, AttemptKind, AttemptState, ItemKind
from server.attempts.sets import ItemSpec
from server.catalog import Catalog
from server.grading import GradingQueue
from server.reviews import ANSWER_MAX_CHARS, as_utc
from server.submissions import MAX_SOURCE_BYTES

__all__ = [
    "AttemptClosed",
    "AttemptError",
    "AttemptNotFound",
    "InvalidAnswer",
    "abandon",
    "focus",
    "get_attempt",
    "item_of",
    "items_of",
    "refresh",
    "save_answer",
    "set_flag",
    "start",
    "submit",
    "sweep",
]

WRITABLE: Final = AttemptState.in_progress


class AttemptError(Exception):
    """A refused request; `status_code` is the HTTP status a route answers with."""

    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AttemptNotFound(AttemptError):
    """No such attempt or item for this caller (another's looks the same as none)."""

    status_code = 404


class AttemptClosed(AttemptError):
    """The deadline has passed or the attempt is no longer in progress; nothing changed."""

    status_code = 409


class InvalidAnswer(AttemptError):
    """The answer is too long or of the wrong kind for the item; nothing stored."""

    status_code = 422


def start(
    *,
    session: Session,
    kind: AttemptKind,
    user_id: int | None,
    title: str,
    items: Sequence[ItemSpec],
    seconds: int,
    now: datetime,
    catalog: Catalog,
    plan: dict[str, Any] | None = None,
) -> Attempt:
    """Freeze `items` into a new attempt whose deadline is `seconds` from `now`."""
    if not items:
        raise ValueError("an attempt needs at least one item")
    now = as_utc(now)
    attempt = Attempt(
        kind=kind,
        user_id=user_id,
        title=title,
        plan=plan or {},
        started_at=now,
        deadline_at=now + timedelta(seconds=seconds),
        max_score=sum(spec.points for spec in items),
    )
    session.add(attempt)
    session.flush()
    assert attempt.id is not None
    for position, spec in enumerate(items):
        kata = catalog.held_kata(spec.ref_id) if spec.kind == ItemKind.kata else None
        session.add(
            AttemptItem(
                attempt_id=attempt.id,
                position=position,
                kind=spec.kind,
                question_id=spec.ref_id if spec.kind == ItemKind.concept else None,
                kata_id=spec.ref_id if spec.kind == ItemKind.kata else None,
                # An authored kata is taken, graded and reported on this version, whatever
                # edits go live meanwhile.
                kata_version_id=catalog.kata_version_of(kata) if kata is not None else None,
                points=spec.points,
                section=spec.section,
                time_hint_seconds=spec.time_hint_seconds,
                # A kata starts from its starter code, so "blank" means "left as given".
                answer=kata.starter if kata is not None else "",
            )
        )
    session.commit()
    session.refresh(attempt)
    return attempt


def get_attempt(*, session: Session, attempt_id: int, user_id: int | None) -> Attempt:
    """The attempt if `user_id` owns it; AttemptNotFound otherwise."""
    attempt = session.get(Attempt, attempt_id)
    if attempt is None or attempt.user_id is None or attempt.user_id != user_id:
        raise AttemptNotFound("There is no attempt of yours with that number.")
    return attempt


def items_of(*, session: Session, attempt: Attempt) -> list[AttemptItem]:
    """The attempt's items in order."""
    return list(
        session.exec(
            select(AttemptItem)
            .where(AttemptItem.attempt_id == attempt.id)
            .order_by(col(AttemptItem.position))
        ).all()
    )


def item_of(*, session: Session, attempt: Attempt, item_id: int) -> AttemptItem:
    """One item of this attempt; AttemptNotFound for an item of any other attempt."""
    item = session.get(AttemptItem, item_id)
    if item is None or item.attempt_id != attempt.id:
        raise AttemptNotFound(f"Attempt {attempt.id} has no item {item_id}.")
    return item


def save_answer(
    *, session: Session, attempt: Attempt, item_id: int, answer: str, kind: ItemKind, now: datetime
) -> AttemptItem:
    """Store the answer (a snapshot when it changed); refused after the deadline or submit."""
    item = item_of(session=session, attempt=attempt, item_id=item_id)
    if item.kind != kind:
        field = "source" if item.kind == ItemKind.kata else "answer"
        raise InvalidAnswer(f"Item {item_id} is a {item.kind}: send its text as {field!r}.")
    _check_size(item, answer)
    _lock_writable(session, attempt, now)
    snapshots.append(session=session, item=item, body=answer, now=as_utc(now))
    session.commit()
    return item


def set_flag(
    *, session: Session, attempt: Attempt, item_id: int, flagged: bool, now: datetime
) -> AttemptItem:
    """Mark an item to come back to (or not); refused like any write after the deadline."""
    item = item_of(session=session, attempt=attempt, item_id=item_id)
    _lock_writable(session, attempt, now)
    item.flagged = flagged
    session.add(item)
    session.commit()
    return item


def focus(*, session: Session, attempt: Attempt, item: AttemptItem, now: datetime) -> None:
    """The user is now looking at `item`: the time since the last switch goes to the last one."""
    if attempt.state != WRITABLE or as_utc(now) > as_utc(attempt.deadline_at):
        return
    if attempt.current_item_id == item.id:
        return
    _accrue(session, attempt, as_utc(now))
    attempt.current_item_id = item.id
    attempt.current_since = as_utc(now)
    session.add(attempt)
    session.commit()


def submit(
    *,
    session: Session,
    attempt: Attempt,
    now: datetime,
    queue: GradingQueue,
    catalog: Catalog,
) -> Attempt:
    """Make the saved answers final and grade them; AttemptClosed if already done.

    After the deadline this is the automatic submission: the attempt counts as submitted
    at its deadline, with what was saved by then.
    """
    now = as_utc(now)
    at = min(now, as_utc(attempt.deadline_at))
    moved = session.connection().execute(
        update(Attempt)
        .where(col(Attempt.id) == attempt.id, col(Attempt.state) == AttemptState.in_progress)
        .values(state=AttemptState.submitted, submitted_at=at)
    )
    if moved.rowcount != 1:
        session.rollback()
        raise AttemptClosed("This attempt has already been submitted.")
    session.commit()
    session.refresh(attempt)
    _accrue(session, attempt, at)
    attempt.current_item_id = None
    session.add(attempt)
    session.commit()
    if attempt.kind == AttemptKind.assessment:
        # Its code is final: compare it with the other candidates' (server/hiring/similarity_runs).
        assert attempt.id is not None
        queue.enqueue_similarity(attempt.id)
    return _grade(session=session, attempt=attempt, now=now, queue=queue, catalog=catalog)


def abandon(*, session: Session, attempt: Attempt, now: datetime) -> Attempt:
    """Give up an attempt in progress: nothing is graded; AttemptClosed if it is over."""
    moved = session.connection().execute(
        update(Attempt)
        .where(col(Attempt.id) == attempt.id, col(Attempt.state) == AttemptState.in_progress)
        .values(state=AttemptState.abandoned, submitted_at=as_utc(now), current_item_id=None)
    )
    if moved.rowcount != 1:
        session.rollback()
        raise AttemptClosed("This attempt is already over.")
    session.commit()
    session.refresh(attempt)
    return attempt


def refresh(
    *, session: Session, attempt: Attempt, now: datetime, queue: GradingQueue, catalog: Catalog
) -> Attempt:
    """Bring the attempt up to date: submit it if its time ran out, settle its grading."""
    if attempt.state == AttemptState.in_progress and as_utc(now) > as_utc(attempt.deadline_at):
        try:
            return submit(session=session, attempt=attempt, now=now, queue=queue, catalog=catalog)
        except AttemptClosed:  # another request or the sweep got there first
            session.refresh(attempt)
    if attempt.state == AttemptState.submitted:
        return _grade(session=session, attempt=attempt, now=now, queue=queue, catalog=catalog)
    return attempt


def sweep(*, session: Session, now: datetime, queue: GradingQueue, catalog: Catalog) -> int:
    """Submit every attempt past its deadline and settle every one grading; how many moved."""
    now = as_utc(now)
    pending = session.exec(
        select(Attempt).where(
            (col(Attempt.state) == AttemptState.submitted)
            | ((col(Attempt.state) == AttemptState.in_progress) & (col(Attempt.deadline_at) < now))
        )
    ).all()
    moved = 0
    for attempt in pending:
        before = attempt.state
        refresh(session=session, attempt=attempt, now=now, queue=queue, catalog=catalog)
        moved += attempt.state != before
    return moved


def _grade(
    *, session: Session, attempt: Attempt, now: datetime, queue: GradingQueue, catalog: Catalog
) -> Attempt:
    """Score what is not scored yet, queue the katas, and mark graded once all are done."""
    # On Postgres the row lock keeps a request and the sweep from scoring the same items.
    session.exec(select(Attempt).where(Attempt.id == attempt.id).with_for_update()).one()
    items = items_of(session=session, attempt=attempt)
    queued = scoring.score_items(
        session=session, attempt=attempt, items=items, catalog=catalog, now=now
    )
    session.commit()
    for submission in queued:
        assert submission.id is not None
        queue.enqueue(submission.id)
    if not scoring.kata_results(session=session, items=items):
        session.commit()
        return attempt
    score, max_score = scoring.totals(items)
    moved = session.connection().execute(
        update(Attempt)
        .where(col(Attempt.id) == attempt.id, col(Attempt.state) == AttemptState.submitted)
        .values(state=AttemptState.graded, graded_at=as_utc(now), score=score, max_score=max_score)
    )
    session.commit()
    if moved.rowcount != 1:  # graded by a concurrent request; read what it stored
        session.expire(attempt)
    session.refresh(attempt)
    return attempt


def _lock_writable(session: Session, attempt: Attempt, now: datetime) -> None:
    """Lock the attempt row (Postgres) and raise AttemptClosed unless it takes writes now."""
    current = session.exec(select(Attempt).where(Attempt.id == attempt.id).with_for_update()).one()
    if as_utc(now) > as_utc(current.deadline_at):
        session.rollback()
        raise AttemptClosed("Time is up: the deadline has passed, so this was not saved.")
    if current.state != WRITABLE:
        session.rollback()
        raise AttemptClosed(
            "This attempt is over (submitted or abandoned); answers can no longer change."
        )


def _check_size(item: AttemptItem, answer: str) -> None:
    if item.kind == ItemKind.kata:
        size = len(answer.encode("utf-8", "surrogatepass"))
        if size > MAX_SOURCE_BYTES:
            raise InvalidAnswer(
                f"The code for item {item.id} is {size:,} bytes; the limit is "
                f"{MAX_SOURCE_BYTES:,}. Nothing was saved."
            )
    elif len(answer) > ANSWER_MAX_CHARS:
        raise InvalidAnswer(
            f"The answer to item {item.id} is {len(answer):,} characters; the limit is "
            f"{ANSWER_MAX_CHARS:,}. Nothing was saved."
        )


def _accrue(session: Session, attempt: Attempt, until: datetime) -> None:
    """Add the time since `current_since` to the item on screen (the caller commits)."""
    if attempt.current_item_id is None or attempt.current_since is None:
        return
    item = session.get(AttemptItem, attempt.current_item_id)
    spent = (until - as_utc(attempt.current_since)).total_seconds()
    if item is not None and spent > 0:
        item.seconds_spent += round(spent)
        session.add(item)
    attempt.current_since = until
