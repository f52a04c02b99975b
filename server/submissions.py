"""Submissions: stored before grading, graded through the queue, verdict stored when it ends.

A submission is a run (the kata's sample tests), a submit (sample and hidden tests) or a
quick answer (a number typed for a probability puzzle, checked at once). Nothing is lost if
a grader dies mid-grading: the job queue retries it, and `resume` queues again at start-up
what no grader holds; each submission gets exactly one verdict.
Every lookup is by user, so one user never reaches another's code or verdicts.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, text, update
from sqlmodel import Session, and_, col, func, or_, select

import graders
from graders import Kata as KataSpec
from graders import Report, Verdict
from server import metrics, ratelimit
from server.grading import GradingQueue
from server.models import Submission, User, utcnow
from server.ratelimit import RateLimited, Window

__all__ = [
    "MAX_ATTEMPTS",
    "MAX_SOURCE_BYTES",
    "UNAVAILABLE",
    "Kind",
    "Limits",
    "Status",
    "SubmissionRefused",
    "check_source",
    "count_unfinished",
    "get_submission",
    "grade_by_id",
    "grade_submission",
    "list_submissions",
    "record_answer",
    "resume",
    "submit",
]

log = logging.getLogger(__name__)

# The engine refuses anything larger; refusing it here too saves a queue slot and says why.
MAX_SOURCE_BYTES = graders.MAX_SOURCE_BYTES
# The verdict of a submission that could not be graded through no fault of its code (the host
# has no sandbox, the kata's files broke or are gone); the engine's verdicts are the others.
UNAVAILABLE = "unavailable"
RATE_WINDOW = timedelta(minutes=1)
# When the queue is full, a few seconds is about one grading: long enough for a place to free.
BUSY_RETRY_SECONDS = 5
# The advisory lock that serialises claims on Postgres ("KBSB").
_CLAIM_LOCK = 0x4B425342
# Graders a submission may stop (killed, out of memory) before it is given up as not graded.
MAX_ATTEMPTS = 3


class Kind(StrEnum):
    run = "run"
    submit = "submit"
    answer = "answer"


class Status(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"


class SubmissionRefused(Exception):
    """Not stored: too large (413), too many this minute or waiting (429), or grading is full
    for everyone (503); the message says which."""

    def __init__(self, status_code: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.retry_after = retry_after


def check_source(source: str) -> None:
    """Raise SubmissionRefused (413) for code over the engine's size limit."""
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > MAX_SOURCE_BYTES:
        raise SubmissionRefused(
            413,
            f"Your code is {size / 1024:.0f} KiB; the limit is {MAX_SOURCE_BYTES // 1024} KiB. "
            "Shorten it and try again.",
        )


@dataclass(frozen=True)
class Limits:
    """How much grading one user, and everyone together, may ask for."""

    per_minute: int = 10
    queued_per_user: int = 10
    queued_max: int = 200


def submit(
    *,
    session: Session,
    queue: GradingQueue,
    user: User,
    kata: KataSpec,
    source: str,
    kind: Kind,
    per_minute: int,
    limits: Limits | None = None,
    now: datetime | None = None,
    version_id: int | None = None,
) -> Submission:
    """Store a run or submit of `source`, then queue it; raises SubmissionRefused.

    `version_id` is the authored kata version `kata` is (Catalog.kata_version_of): it is
    graded on that one, and its report read against it, even once a newer one is live.

    The limits are counted with the new row in, under a lock (see `_claim`), so parallel
    requests cannot all slip into the last free place.
    """
    assert user.id is not None
    now = now or utcnow()
    limits = replace(limits or Limits(), per_minute=per_minute)
    check_source(source)
    submission = Submission(
        user_id=user.id,
        kata_id=kata.id,
        kata_version_id=version_id,
        kind=kind,
        source=source,
        created_at=now,
    )
    _claim(session, submission, limits, now)
    assert submission.id is not None
    queue.enqueue(submission.id)
    return submission


def _claim(session: Session, submission: Submission, limits: Limits, now: datetime) -> None:
    """Store `submission` if it fits every limit, counting it in; else store nothing.

    Claims are serialised, so parallel requests can neither all slip into the last free
    place nor all refuse one another: on SQLite the first write of a transaction takes the
    database's single write lock until commit; on Postgres a transaction-scoped advisory lock
    does the same for claims.
    """
    session.commit()  # start a transaction of our own: its first statement takes the lock
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CLAIM_LOCK})
    session.add(submission)
    session.flush()
    try:
        _check_rate(session, submission, limits.per_minute, now)
        if submission.status != Status.done:
            _check_queue(session, submission.user_id, limits)
    except SubmissionRefused:
        session.rollback()
        raise
    session.commit()
    session.refresh(submission)


def _check_queue(session: Session, user_id: int, limits: Limits) -> None:
    waiting = col(Submission.status).in_([Status.queued, Status.running])
    mine = session.exec(select(func.count()).where(waiting, Submission.user_id == user_id)).one()
    if mine > limits.queued_per_user:
        raise SubmissionRefused(
            429,
            f"You already have {mine - 1} runs and submissions waiting to be graded, the most "
            "allowed. Wait for their verdicts, then try again.",
            retry_after=BUSY_RETRY_SECONDS,
        )
    everyone = session.exec(select(func.count()).where(waiting)).one()
    if everyone > limits.queued_max:
        raise SubmissionRefused(
            503,
            "Grading is busy right now. Your code was not stored; try again in a few seconds.",
            retry_after=BUSY_RETRY_SECONDS,
        )


def _check_rate(session: Session, submission: Submission, per_minute: int, now: datetime) -> None:
    # Counted from the table (this submission included), so the limit holds across restarts.
    # Quick answers cost no grading, so they have a window of their own instead of sharing it.
    answer = submission.kind == Kind.answer
    kinds = [Kind.answer] if answer else [Kind.run, Kind.submit]
    noun = "quick answers" if answer else "runs and submissions"
    since = now - RATE_WINDOW
    count, oldest = session.exec(
        select(func.count(), func.min(Submission.created_at)).where(
            Submission.user_id == submission.user_id,
            col(Submission.kind).in_(kinds),
            col(Submission.created_at) > since,
        )
    ).one()
    try:
        ratelimit.check(
            scope="submissions",
            count=count - 1,
            oldest=oldest,
            window=Window(per_minute, RATE_WINDOW),
            now=now,
        )
    except RateLimited as exc:
        wait = exc.seconds
        raise SubmissionRefused(
            429,
            f"That is {count - 1} {noun} in the last minute, the most allowed. "
            f"Try again in {wait} second{'s' if wait != 1 else ''}.",
            retry_after=wait,
        ) from None


def record_answer(
    *,
    session: Session,
    user: User,
    kata: KataSpec,
    typed: str,
    per_minute: int | None = None,
    now: datetime | None = None,
) -> Submission:
    """Check a typed quick answer and store it, already done, with the check's message.

    With `per_minute`, it counts against that window like runs and submits do (guessing
    numbers by script is still a flood), but never against the grading queue it does not use.
    """
    assert kata.quick_answer is not None and user.id is not None
    quick = kata.quick_answer
    check = graders.check_answer(quick.answer, typed, abs_tolerance=quick.abs_tolerance)
    verdict = Verdict.PASSED if check.correct else Verdict.FAILED
    report = Report(kata.id, verdict, check.message, suite="quick_answer")
    now = now or utcnow()
    submission = Submission(
        user_id=user.id,
        kata_id=kata.id,
        kind=Kind.answer,
        source=typed,
        status=Status.done,
        verdict=verdict,
        report=report.to_json(),
        created_at=now,
        finished_at=now,
    )
    if per_minute is None:
        session.add(submission)
        session.commit()
        session.refresh(submission)
    else:
        _claim(session, submission, Limits(per_minute=per_minute), now)
    return submission


def grade_submission(
    *,
    session: Session,
    submission_id: int,
    katas: Mapping[str, KataSpec],
    versions: Callable[[int], KataSpec | None] | None = None,
    max_attempts: int = MAX_ATTEMPTS,
    worker: str = "embedded",
) -> None:
    """Grade one stored submission and record its verdict once; a finished one is left alone.

    A submission made on an authored kata version is graded on it, found by `versions`
    (WithLive.version), not on whatever version is live now.

    Two graders may meet on one submission (a worker presumed dead was only slow): the claim
    and the verdict are conditional updates, so the first verdict stands and the second is
    dropped. A submission taken up more than `max_attempts` times ends as not graded.
    """
    attempts = _claim_grading(session, submission_id)
    if attempts is None:
        return
    submission = session.get(Submission, submission_id)
    assert submission is not None
    started = time.monotonic()
    kata_id, source, hidden = submission.kata_id, submission.source, submission.kind == Kind.submit
    kata = _kata_of(submission, katas, versions)
    # Grading takes seconds: end the read's transaction first, so the connection goes back to
    # the pool rather than sit "idle in transaction" (and hold back Postgres's vacuum).
    session.rollback()
    if attempts > max_attempts:
        report = _not_graded(
            kata_id,
            f"Grading stopped {attempts - 1} times before it finished, so this submission "
            "could not be graded. Check it for code that exhausts memory or time, then "
            "submit again.",
            blameless=False,
        )
    elif kata is None:
        report = _not_graded(kata_id, "This kata is no longer available.")
    else:
        try:
            report = graders.grade(kata, source, hidden=hidden).to_json()
        except Exception:  # a host or kata fault: log it, never leave it running
            # What went wrong (paths, harness output) is for the log, not the candidate.
            log.exception("could not grade submission %s", submission_id)
            report = _not_graded(kata.id, f"{graders.NOT_GRADED} Try again later.", blameless=False)
    seconds = time.monotonic() - started
    recorded = _finish(session, submission_id, report)
    log.info(
        "graded submission %s: %s in %.2fs (worker %s, attempt %d%s)",
        submission_id,
        report["verdict"],
        seconds,
        worker,
        attempts,
        "" if recorded else ", another grader's verdict stands",
        extra={
            "submission": submission_id,
            "kata": kata_id,
            "verdict": report["verdict"],
            "seconds": round(seconds, 3),
            "worker": worker,
            "attempt": attempts,
            "recorded": recorded,
        },
    )
    if recorded:
        metrics.GRADINGS.labels(verdict=report["verdict"]).inc()
        metrics.GRADING_SECONDS.observe(seconds)


def _kata_of(
    submission: Submission,
    katas: Mapping[str, KataSpec],
    versions: Callable[[int], KataSpec | None] | None,
) -> KataSpec | None:
    if submission.kata_version_id is not None and versions is not None:
        return versions(submission.kata_version_id)
    return katas.get(submission.kata_id)


def _claim_grading(session: Session, submission_id: int) -> int | None:
    """Mark the submission running and count the attempt; None when it is done or gone."""
    claimed = session.exec(
        update(Submission)
        .where(col(Submission.id) == submission_id, col(Submission.status) != Status.done)
        .values(status=Status.running, attempts=col(Submission.attempts) + 1)
        .returning(col(Submission.attempts))
    ).first()
    session.commit()
    return None if claimed is None else int(claimed[0])


def _finish(session: Session, submission_id: int, report: dict[str, Any]) -> bool:
    """Store the verdict unless another grader already did; whether this one was stored."""
    result = session.exec(
        update(Submission)
        .where(col(Submission.id) == submission_id, col(Submission.status) != Status.done)
        .values(
            status=Status.done,
            verdict=report["verdict"],
            report=report,
            finished_at=utcnow(),
        )
    )
    session.commit()
    session.expire_all()
    return bool(result.rowcount)


def _not_graded(kata_id: str, reason: str, *, blameless: bool = True) -> dict[str, Any]:
    message = f"{reason} Your code was not at fault; try again later." if blameless else reason
    report = Report(kata_id, Verdict.ERROR, message)
    return {**report.to_json(), "verdict": UNAVAILABLE}


def grade_by_id(
    submission_id: int,
    *,
    engine: Engine,
    katas: Mapping[str, KataSpec],
    versions: Callable[[int], KataSpec | None] | None = None,
    max_attempts: int = MAX_ATTEMPTS,
    worker: str = "embedded",
) -> None:
    """`grade_submission` in a session of its own: what a queue worker runs."""
    with Session(engine, expire_on_commit=False) as session:
        grade_submission(
            session=session,
            submission_id=submission_id,
            katas=katas,
            versions=versions,
            max_attempts=max_attempts,
            worker=worker,
        )


def resume(*, session: Session, queue: GradingQueue) -> int:
    """At start-up, queue again the unfinished submissions no grader holds; how many."""
    ids = session.exec(
        select(Submission.id)
        .where(col(Submission.status).in_([Status.queued, Status.running]))
        .order_by(col(Submission.id))
    ).all()
    return queue.resume([submission_id for submission_id in ids if submission_id is not None])


def count_unfinished(*, session: Session) -> dict[str, int]:
    """How many submissions wait for a verdict, by status (queued, running)."""
    rows = session.exec(
        select(Submission.status, func.count())
        .where(col(Submission.status).in_([Status.queued, Status.running]))
        .group_by(col(Submission.status))
    ).all()
    return {status: count for status, count in rows}


def get_submission(*, session: Session, user: User, submission_id: int) -> Submission | None:
    """The user's own submission with this id; None for another's, so ids do not leak."""
    submission = session.get(Submission, submission_id)
    if submission is None or submission.user_id != user.id:
        return None
    return submission


def list_submissions(
    *,
    session: Session,
    user: User,
    kata_id: str | None = None,
    kinds: Collection[Kind] = tuple(Kind),
    limit: int = 50,
    before: tuple[datetime, int] | None = None,
) -> list[Submission]:
    """The user's submissions of these kinds, newest first, optionally for one kata; with
    `before` (a created_at and id), only those listed after that one (the next page)."""
    query = select(Submission).where(
        Submission.user_id == user.id, col(Submission.kind).in_(list(kinds))
    )
    if kata_id is not None:
        query = query.where(Submission.kata_id == kata_id)
    if before is not None:
        at, last_id = before
        query = query.where(
            or_(
                col(Submission.created_at) < at,
                and_(col(Submission.created_at) == at, col(Submission.id) < last_id),
            )
        )
    query = query.order_by(col(Submission.created_at).desc(), col(Submission.id).desc())
    return list(session.exec(query.limit(limit)).all())
