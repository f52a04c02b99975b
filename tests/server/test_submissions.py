"""Submissions: stored before grading, graded by the real engine, limits, resumption, the queue."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from graders import Kata as KataSpec
from graders import load_katas
from server import db, submissions
from server.config import PROJECT_ROOT, Settings
from server.grading import EmbeddedQueue
from server.models import Submission, User, utcnow
from server.submissions import MAX_SOURCE_BYTES, UNAVAILABLE, Kind, Status, SubmissionRefused
from tests.factories import KEEPS_DUPLICATES, RIGHT, RecordingQueue, make_submission


@pytest.fixture(scope="module")
def katas() -> dict[str, KataSpec]:
    found, errors = load_katas(PROJECT_ROOT / "katas")
    assert errors == []
    return {kata.id: kata for kata in found}


def _submit(
    engine: Engine,
    user: User,
    kata: KataSpec,
    source: str,
    kind: Kind,
    *,
    now: datetime | None = None,
    per_minute: int = 10,
) -> tuple[Submission, RecordingQueue]:
    queue = RecordingQueue()
    with Session(engine, expire_on_commit=False) as session:
        submission = submissions.submit(
            session=session,
            queue=queue,
            user=user,
            kata=kata,
            source=source,
            kind=kind,
            per_minute=per_minute,
            now=now,
        )
    return submission, queue


def _row(engine: Engine, submission_id: int | None) -> Submission:
    with Session(engine) as session:
        row = session.get(Submission, submission_id)
        assert row is not None
        return row


def test_a_submission_is_stored_queued_then_graded_with_a_counterexample(
    engine: Engine, user: User, katas: dict[str, KataSpec]
) -> None:
    submission, queue = _submit(engine, user, katas["intersection"], KEEPS_DUPLICATES, Kind.submit)
    stored = _row(engine, submission.id)
    assert queue.ids == [submission.id]
    assert (stored.status, stored.verdict, stored.report, stored.source) == (
        Status.queued,
        None,
        None,
        KEEPS_DUPLICATES,
    )

    submissions.grade_by_id(submission.id or 0, engine=engine, katas=katas)
    graded = _row(engine, submission.id)
    assert (graded.status, graded.verdict) == (Status.done, "failed")
    assert graded.finished_at is not None
    report = graded.report or {}
    assert report["suite"] == "hidden"
    assert report["failure"]["input"] == "intersection([1, 0, 9, 9], [3, 0, 9, 9])"
    assert (report["failure"]["expected"], report["failure"]["got"]) == ("[0, 9]", "[0, 9, 9]")
    assert any(test["name"].startswith("tests_hidden.py::") for test in report["tests"])


def test_a_run_grades_only_the_sample_tests(
    engine: Engine, user: User, katas: dict[str, KataSpec]
) -> None:
    submission, _ = _submit(engine, user, katas["intersection"], RIGHT, Kind.run)
    submissions.grade_by_id(submission.id or 0, engine=engine, katas=katas)
    report = _row(engine, submission.id).report or {}
    assert report["verdict"] == "passed"
    assert report["suite"] == "sample"
    assert {test["name"].split("::")[0] for test in report["tests"]} == {"tests_sample.py"}


def test_a_grading_holds_no_database_connection_while_it_runs(
    engine: Engine, settings: Settings, user: User, katas: dict[str, KataSpec]
) -> None:
    """Grading takes seconds: a grader that kept its read's transaction open would hold a
    pooled connection all that time, on Postgres "idle in transaction"."""
    slow = "import time\n\ntime.sleep(3)\n\n" + RIGHT
    row = make_submission(engine, user, source=slow)
    graders_engine = db.make_engine(settings.database_url)
    grading = threading.Thread(
        target=submissions.grade_by_id,
        args=(row.id or 0,),
        kwargs={"engine": graders_engine, "katas": katas},
    )
    grading.start()
    try:
        for _ in range(100):
            if _row(engine, row.id).status == Status.running:
                break
            time.sleep(0.05)
        time.sleep(0.5)
        assert grading.is_alive(), "the grading ended before it could be looked at"
        assert graders_engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    finally:
        grading.join()
        graders_engine.dispose()
    graded = _row(engine, row.id)
    assert (graded.status, graded.verdict) == (Status.done, "passed")


def test_a_finished_submission_is_not_graded_again(
    engine: Engine, user: User, katas: dict[str, KataSpec]
) -> None:
    finished = utcnow() - timedelta(hours=1)
    row = make_submission(
        engine, user, status=Status.done, verdict="failed", report={}, finished_at=finished
    )
    submissions.grade_by_id(row.id or 0, engine=engine, katas=katas)
    again = _row(engine, row.id)
    assert (again.verdict, again.report) == ("failed", {})


def test_a_kata_gone_from_the_files_is_reported_as_not_graded(engine: Engine, user: User) -> None:
    row = make_submission(engine, user, status=Status.running)
    submissions.grade_by_id(row.id or 0, engine=engine, katas={})
    graded = _row(engine, row.id)
    assert (graded.status, graded.verdict) == (Status.done, UNAVAILABLE)
    assert "no longer available" in (graded.report or {})["message"]
    assert "not at fault" in (graded.report or {})["message"]


def test_a_submission_that_keeps_stopping_its_grader_ends_as_not_graded(
    engine: Engine, user: User, katas: dict[str, KataSpec]
) -> None:
    # Three graders took it up and died (the row says so); the fourth gives up on it.
    row = make_submission(engine, user, status=Status.running, attempts=3)
    submissions.grade_by_id(row.id or 0, engine=engine, katas=katas, max_attempts=3)
    graded = _row(engine, row.id)
    assert (graded.status, graded.verdict, graded.attempts) == (Status.done, UNAVAILABLE, 4)
    message = (graded.report or {})["message"]
    assert "stopped 3 times" in message and "could not be graded" in message
    assert "not at fault" not in message


def test_a_grader_taking_up_a_submission_counts_the_attempt(
    engine: Engine, user: User, katas: dict[str, KataSpec]
) -> None:
    row = make_submission(engine, user, status=Status.running, attempts=1)
    submissions.grade_by_id(row.id or 0, engine=engine, katas=katas, max_attempts=3)
    graded = _row(engine, row.id)
    assert (graded.verdict, graded.attempts) == ("passed", 2)
    submissions.grade_by_id(row.id or 0, engine=engine, katas=katas, max_attempts=3)
    assert _row(engine, row.id).attempts == 2  # a finished one is not taken up again


def test_resume_queues_every_unfinished_submission_in_order(engine: Engine, user: User) -> None:
    running = make_submission(engine, user, status=Status.running)
    make_submission(engine, user, status=Status.done, verdict="passed")
    queued = make_submission(engine, user, status=Status.queued)
    queue = RecordingQueue()
    with Session(engine) as session:
        assert submissions.resume(session=session, queue=queue) == 2
    assert queue.ids == [running.id, queued.id]


def test_code_over_64_kib_is_refused_before_it_is_stored(
    engine: Engine, user: User, katas: dict[str, KataSpec]
) -> None:
    assert MAX_SOURCE_BYTES == 64 * 1024
    padding = "# " + "x" * (MAX_SOURCE_BYTES - len(RIGHT) - 3) + "\n"
    accepted, _ = _submit(engine, user, katas["intersection"], RIGHT + padding, Kind.run)
    assert len((accepted.source).encode()) == MAX_SOURCE_BYTES

    with pytest.raises(SubmissionRefused) as refused:
        _submit(engine, user, katas["intersection"], RIGHT + padding + "é", Kind.run)
    assert refused.value.status_code == 413
    assert "the limit is 64 KiB" in refused.value.message
    with Session(engine) as session:
        assert len(submissions.list_submissions(session=session, user=user)) == 1


def test_the_rate_limit_counts_runs_and_submits_of_the_last_minute(
    engine: Engine, user: User, katas: dict[str, KataSpec]
) -> None:
    now = utcnow()
    make_submission(engine, user, created_at=now - timedelta(seconds=61), status=Status.done)
    for seconds in range(8, 0, -1):
        make_submission(
            engine, user, created_at=now - timedelta(seconds=seconds), status=Status.done
        )
    for _ in range(3):  # quick answers cost no grading, so they do not count
        make_submission(engine, user, kind=Kind.answer, source="1/4", status=Status.done)
    kata = katas["intersection"]
    _submit(engine, user, kata, RIGHT, Kind.run, now=now, per_minute=10)
    _submit(engine, user, kata, RIGHT, Kind.submit, now=now, per_minute=10)

    with pytest.raises(SubmissionRefused) as refused:
        _submit(engine, user, kata, RIGHT, Kind.run, now=now, per_minute=10)
    assert refused.value.status_code == 429
    # The oldest of the ten leaves the window 60 - 8 = 52 seconds from now.
    assert refused.value.retry_after == 52
    assert refused.value.message == (
        "That is 10 runs and submissions in the last minute, the most allowed. "
        "Try again in 52 seconds."
    )
    later = now + timedelta(seconds=53)
    _submit(engine, user, kata, RIGHT, Kind.run, now=later, per_minute=10)


def test_quick_answers_are_checked_and_stored_as_done(
    engine: Engine, user: User, katas: dict[str, KataSpec]
) -> None:
    kata = katas["p_consecutive"]
    with Session(engine, expire_on_commit=False) as session:
        wrong = submissions.record_answer(session=session, user=user, kata=kata, typed="0.5")
        right = submissions.record_answer(session=session, user=user, kata=kata, typed="22/432")
    assert (wrong.kind, wrong.status, wrong.verdict) == (Kind.answer, Status.done, "failed")
    assert (wrong.report or {})["message"] == "Not quite: 0.5 is too large"
    assert right.verdict == "passed"
    assert (right.report or {})["message"].startswith("Correct: 22/432 = 11/216")
    assert (right.report or {})["suite"] == "quick_answer"


def test_users_reach_only_their_own_submissions(
    engine: Engine, make_user: Callable[..., User]
) -> None:
    alice, bob = make_user("alice"), make_user("bob")
    first = make_submission(engine, alice)
    other_kata = make_submission(engine, alice, kata_id="duplicates")
    newest = make_submission(engine, alice)
    bobs = make_submission(engine, bob)
    with Session(engine) as session:
        found = submissions.get_submission(session=session, user=alice, submission_id=first.id or 0)
        assert found is not None and found.id == first.id
        assert (
            submissions.get_submission(session=session, user=alice, submission_id=bobs.id or 0)
            is None
        )
        assert (
            submissions.get_submission(session=session, user=bob, submission_id=first.id or 0)
            is None
        )
        listed = submissions.list_submissions(session=session, user=alice)
        assert [row.id for row in listed] == [newest.id, other_kata.id, first.id]
        by_kata = submissions.list_submissions(session=session, user=alice, kata_id="intersection")
        assert [row.id for row in by_kata] == [newest.id, first.id]
        assert [row.id for row in submissions.list_submissions(session=session, user=bob)] == [
            bobs.id
        ]


def test_the_embedded_queue_runs_every_job_on_at_most_its_workers() -> None:
    lock = threading.Lock()
    active, peak, done = 0, 0, []
    all_done = threading.Event()
    # The first two jobs wait for each other: that only ends if two workers run at once.
    together = threading.Barrier(2, timeout=30)

    def job(submission_id: int) -> None:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        if submission_id < 2:
            together.wait()
        with lock:
            active -= 1
            done.append(submission_id)
            if len(done) == 10:
                all_done.set()

    queue = EmbeddedQueue(job, similarity=job, check=job, workers=2)
    for submission_id in range(10):
        queue.enqueue(submission_id)
    assert all_done.wait(timeout=60)
    queue.close()
    assert sorted(done) == list(range(10))
    assert peak == 2


def test_a_failing_job_is_logged_and_the_queue_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    ran: list[int] = []
    second_done = threading.Event()

    def job(submission_id: int) -> None:
        if submission_id == 1:
            raise RuntimeError("the database went away")
        ran.append(submission_id)
        second_done.set()

    queue = EmbeddedQueue(job, similarity=job, check=job, workers=1)
    with caplog.at_level(logging.ERROR, logger="server.grading"):
        for submission_id in (1, 2):
            queue.enqueue(submission_id)
        assert second_done.wait(timeout=60)
        queue.close()
    assert ran == [2]
    assert [record.getMessage() for record in caplog.records] == ["grading job failed"]
    assert "the database went away" in caplog.text
