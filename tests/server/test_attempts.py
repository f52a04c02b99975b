"""The attempt engine on a real database with a clock the test moves: deadlines, autosave
snapshots, expiry on the next request and by the sweep, grading, one mock at a time."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from sqlmodel import Session, select

from server import submissions
from server.attempts import attempts, mocks, seats, snapshots
from server.attempts.models import AnswerSnapshot, Attempt, AttemptState, ItemKind
from server.attempts.sets import MockPlan, PlanError, compose
from server.attempts.sweeper import Sweeper
from server.catalog import Catalog
from server.clock import ManualClock
from server.models import PracticeEvent, Submission, User
from tests.factories import RIGHT, RecordingQueue

pytestmark = pytest.mark.usefixtures("sample_bank")

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MIXED = MockPlan(minutes=20, concepts=2, katas=1, topics=("deep-learning", "sets"))


@pytest.fixture
def catalog(app: FastAPI, client: object) -> Catalog:
    found: Catalog = app.state.catalog
    return found


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


def _start(session: Session, user: User, catalog: Catalog, plan: MockPlan = MIXED) -> Attempt:
    return mocks.start_mock(
        session=session, user=user, plan=plan, catalog=catalog, now=T0, rng=random.Random(1)
    )


def test_a_mock_freezes_its_items_and_fixes_its_deadline(
    session: Session, user: User, catalog: Catalog
) -> None:
    attempt = _start(session, user, catalog)
    items = attempts.items_of(session=session, attempt=attempt)
    assert [i.kind for i in items] == [ItemKind.concept, ItemKind.concept, ItemKind.kata]
    assert {i.question_id for i in items[:2]} == {"lstm", "transformer-drawbacks"}
    assert items[2].kata_id == "intersection"
    assert items[2].answer == catalog.katas["intersection"].starter
    assert attempt.deadline_at.replace(tzinfo=UTC) == T0 + timedelta(minutes=20)
    assert attempt.state == AttemptState.in_progress
    assert attempt.max_score == 4.0


def test_saves_append_snapshots_only_on_change_and_stop_at_the_deadline(
    session: Session, user: User, catalog: Catalog, clock: ManualClock
) -> None:
    attempt = _start(session, user, catalog)
    item = attempts.items_of(session=session, attempt=attempt)[0]
    assert item.id is not None
    for text in ("Long", "Long", "Long Short-Term Memory"):
        clock.advance(seconds=5)
        attempts.save_answer(
            session=session,
            attempt=attempt,
            item_id=item.id,
            answer=text,
            kind=ItemKind.concept,
            now=clock.now(),
        )
    assert [s.body for s in snapshots.history(session=session, item=item)] == [
        "Long",
        "Long Short-Term Memory",
    ]
    clock.set(attempt.deadline_at.replace(tzinfo=UTC) + timedelta(seconds=1))
    with pytest.raises(attempts.AttemptClosed):
        attempts.save_answer(
            session=session,
            attempt=attempt,
            item_id=item.id,
            answer="too late",
            kind=ItemKind.concept,
            now=clock.now(),
        )
    session.expire_all()
    assert session.get(type(item), item.id).answer == "Long Short-Term Memory"  # type: ignore[union-attr]
    assert len(snapshots.history(session=session, item=item)) == 2


def test_bad_answers_are_refused_and_store_nothing(
    session: Session, user: User, catalog: Catalog, make_user: object
) -> None:
    attempt = _start(session, user, catalog)
    concept, _, kata = attempts.items_of(session=session, attempt=attempt)
    assert concept.id is not None and kata.id is not None
    with pytest.raises(attempts.InvalidAnswer, match="10,000"):
        attempts.save_answer(
            session=session,
            attempt=attempt,
            item_id=concept.id,
            answer="x" * 10_001,
            kind=ItemKind.concept,
            now=T0,
        )
    with pytest.raises(attempts.InvalidAnswer, match="source"):
        attempts.save_answer(
            session=session,
            attempt=attempt,
            item_id=kata.id,
            answer="text",
            kind=ItemKind.concept,
            now=T0,
        )
    with pytest.raises(attempts.AttemptNotFound):
        attempts.save_answer(
            session=session,
            attempt=attempt,
            item_id=kata.id + 1000,
            answer="x",
            kind=ItemKind.concept,
            now=T0,
        )
    assert session.exec(select(AnswerSnapshot)).all() == []


def test_expiry_submits_the_last_saved_answers_and_grading_settles_the_score(
    session: Session, user: User, catalog: Catalog, clock: ManualClock
) -> None:
    attempt = _start(session, user, catalog)
    first, second, kata = attempts.items_of(session=session, attempt=attempt)
    lstm = first if first.question_id == "lstm" else second
    assert lstm.id is not None and kata.id is not None
    attempts.save_answer(
        session=session,
        attempt=attempt,
        item_id=lstm.id,
        answer="It stands for Long Short-Term Memory.",
        kind=ItemKind.concept,
        now=clock.advance(minutes=3),
    )
    attempts.save_answer(
        session=session,
        attempt=attempt,
        item_id=kata.id,
        answer=RIGHT,
        kind=ItemKind.kata,
        now=clock.advance(minutes=3),
    )
    queue = RecordingQueue()
    clock.advance(minutes=30)  # the tab was closed; the next request finds the time is up
    attempts.refresh(
        session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
    )
    assert attempt.state == AttemptState.submitted
    assert attempt.submitted_at is not None
    assert attempt.submitted_at.replace(tzinfo=UTC) == attempt.deadline_at.replace(tzinfo=UTC)
    assert len(queue.ids) == 1  # the blank concept is not graded, the kata is
    submission = session.get(Submission, queue.ids[0])
    assert submission is not None and submission.source == RIGHT and submission.kind == "submit"
    events = {e.question_id: e for e in session.exec(select(PracticeEvent)).all()}
    assert events["lstm"].key_point_score == 1.0
    assert events["transformer-drawbacks"].typed_answer == ""  # blank: on the schedule, unscored
    assert events["transformer-drawbacks"].key_point_score == 0.0

    submissions.grade_submission(session=session, submission_id=queue.ids[0], katas=catalog.katas)
    attempts.refresh(
        session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
    )
    assert attempt.state == AttemptState.graded
    items = {i.id: i for i in attempts.items_of(session=session, attempt=attempt)}
    assert items[lstm.id].score == 1.0
    assert items[kata.id].verdict == "passed" and items[kata.id].score == 2.0
    assert attempt.score == 3.0 and attempt.max_score == 4.0
    assert len(queue.ids) == 1  # settling again queues nothing new


def test_the_sweep_submits_an_abandoned_tab_and_is_idempotent(
    session: Session, user: User, catalog: Catalog, clock: ManualClock
) -> None:
    plan = MockPlan(minutes=5, concepts=1, katas=0, topics=("rnn",))
    attempt = _start(session, user, catalog, plan)
    queue = RecordingQueue()
    assert (
        attempts.sweep(session=session, now=clock.advance(minutes=4), queue=queue, catalog=catalog)
        == 0
    )
    assert (
        attempts.sweep(session=session, now=clock.advance(minutes=2), queue=queue, catalog=catalog)
        == 1
    )
    session.refresh(attempt)
    assert attempt.state == AttemptState.graded and attempt.score == 0.0
    assert (
        attempts.sweep(session=session, now=clock.advance(minutes=2), queue=queue, catalog=catalog)
        == 0
    )
    assert queue.ids == []


def test_submitting_twice_is_refused(session: Session, user: User, catalog: Catalog) -> None:
    attempt = _start(session, user, catalog, MockPlan(minutes=5, concepts=1, katas=0))
    queue = RecordingQueue()
    attempts.submit(session=session, attempt=attempt, now=T0, queue=queue, catalog=catalog)
    with pytest.raises(attempts.AttemptClosed):
        attempts.submit(session=session, attempt=attempt, now=T0, queue=queue, catalog=catalog)


def test_time_spent_goes_to_the_item_on_screen(
    session: Session, user: User, catalog: Catalog, clock: ManualClock
) -> None:
    attempt = _start(session, user, catalog)
    a, b, _ = attempts.items_of(session=session, attempt=attempt)
    attempts.focus(session=session, attempt=attempt, item=a, now=clock.now())
    attempts.focus(session=session, attempt=attempt, item=b, now=clock.advance(seconds=90))
    attempts.submit(
        session=session,
        attempt=attempt,
        now=clock.advance(seconds=30),
        queue=RecordingQueue(),
        catalog=catalog,
    )
    session.refresh(a)
    session.refresh(b)
    assert (a.seconds_spent, b.seconds_spent) == (90, 30)


def test_one_mock_at_a_time(session: Session, user: User, catalog: Catalog) -> None:
    attempt = _start(session, user, catalog)
    with pytest.raises(mocks.MockInProgress) as refused:
        _start(session, user, catalog)
    assert refused.value.attempt.id == attempt.id
    attempts.abandon(session=session, attempt=attempt, now=T0)
    second = _start(session, user, catalog)
    assert second.id != attempt.id
    # One whose time ran out (not swept yet) no longer blocks a new one.
    later = T0 + timedelta(minutes=21)
    assert mocks.current_mock(session=session, user=user, now=later) is None
    third = mocks.start_mock(session=session, user=user, plan=MIXED, catalog=catalog, now=later)
    assert mocks.current_mock(session=session, user=user, now=later) == third


@pytest.mark.parametrize(
    ("plan", "field"),
    [
        (MockPlan(minutes=0, concepts=1, katas=0), "minutes"),
        (MockPlan(minutes=181, concepts=1, katas=0), "minutes"),
        (MockPlan(minutes=10, concepts=0, katas=0), "concepts"),
        (MockPlan(minutes=10, concepts=1, katas=0, topics=("astrology",)), "topics"),
        (MockPlan(minutes=10, concepts=1, katas=0, difficulty="brutal"), "difficulty"),
        (MockPlan(minutes=10, concepts=3, katas=0), "concepts"),  # only 2 have key points
    ],
)
def test_plans_that_cannot_be_built_name_the_field(
    session: Session, user: User, catalog: Catalog, plan: MockPlan, field: str
) -> None:
    with pytest.raises(PlanError) as refused:
        _start(session, user, catalog, plan)
    assert refused.value.field == field
    assert session.exec(select(Attempt)).all() == []


def test_weak_spots_pick_the_weakest_topic_and_avoid_recent_items(
    session: Session, user: User, catalog: Catalog
) -> None:
    assert user.id is not None
    # Strong on the intersection kata (sets), weak on transformers, lately seen: lstm.
    session.add(
        Submission(
            user_id=user.id,
            kata_id="intersection",
            kind="submit",
            source=RIGHT,
            status="done",
            verdict="passed",
            created_at=T0 - timedelta(days=10),
        )
    )
    session.add(
        PracticeEvent(
            user_id=user.id,
            question_id="transformer-drawbacks",
            mode="flashcard",
            rating=1,
            at=T0 - timedelta(days=10),
        )
    )
    session.add(
        PracticeEvent(
            user_id=user.id,
            question_id="lstm",
            mode="flashcard",
            rating=4,
            at=T0 - timedelta(days=1),
        )
    )
    session.commit()
    strengths = mocks.topic_strengths(session=session, user=user, catalog=catalog)
    assert strengths["transformers"] == 0.0 and strengths["sets"] == 1.0
    assert mocks.recently_seen(session=session, user=user, now=T0) == {"lstm"}
    plan = MockPlan(minutes=10, concepts=1, katas=0, focus_weak=True)
    attempt = _start(session, user, catalog, plan)
    (item,) = attempts.items_of(session=session, attempt=attempt)
    assert item.question_id == "transformer-drawbacks"
    assert "transformers" in attempt.plan["topics"]


def test_the_interviewer_link_works_for_one_attempt_until_revoked(
    session: Session, user: User, catalog: Catalog, make_user: object
) -> None:
    peer = make_user("bob")  # type: ignore[operator]
    attempt = _start(session, user, catalog)
    token = seats.new_link(session=session, attempt=attempt)
    assert seats.attempt_for_seat(session=session, token=token, viewer=peer).id == attempt.id
    with pytest.raises(attempts.AttemptNotFound):
        seats.attempt_for_seat(session=session, token=token, viewer=user)
    item = attempts.items_of(session=session, attempt=attempt)[0]
    assert item.id is not None
    with pytest.raises(attempts.InvalidAnswer):
        seats.score_item(
            session=session, attempt=attempt, item_id=item.id, interviewer=peer, score=5, notes=""
        )
    seats.score_item(
        session=session,
        attempt=attempt,
        item_id=item.id,
        interviewer=peer,
        score=0.5,
        notes=" clear ",
    )
    session.refresh(item)
    assert (item.interviewer_score, item.interviewer_notes) == (0.5, "clear")
    seats.revoke(session=session, attempt=attempt)
    with pytest.raises(attempts.AttemptNotFound):
        seats.attempt_for_seat(session=session, token=token, viewer=peer)


def test_the_sweeper_thread_submits_expired_attempts_on_its_own(
    session: Session, user: User, catalog: Catalog, clock: ManualClock, app: FastAPI
) -> None:
    attempt = _start(session, user, catalog, MockPlan(minutes=5, concepts=1, katas=0))
    sweeper = Sweeper(
        engine=app.state.engine,
        queue=RecordingQueue(),
        catalog=lambda: catalog,
        now=clock.now,
        period=0.05,
    )
    sweeper.start()
    try:
        clock.advance(minutes=6)
        for _ in range(200):
            session.refresh(attempt)
            if attempt.state == AttemptState.graded:
                break
            time.sleep(0.05)
    finally:
        sweeper.close()
    assert attempt.state == AttemptState.graded


def test_a_mock_kata_carries_its_expected_minutes_as_the_time_hint(catalog: Catalog) -> None:
    plan = MockPlan(minutes=30, concepts=0, katas=2)
    specs = compose(plan, catalog=catalog, rng=random.Random(3))
    assert [spec.kind for spec in specs] == [ItemKind.kata, ItemKind.kata]
    for spec in specs:
        assert spec.time_hint_seconds == catalog.katas[spec.ref_id].expected_minutes * 60


def test_a_mock_on_sql_starts_from_the_starter_query_and_grades_the_query(
    session: Session, user: User, catalog: Catalog, clock: ManualClock
) -> None:
    plan = MockPlan(minutes=20, concepts=0, katas=1, topics=("sql",))
    attempt = _start(session, user, catalog, plan)
    (item,) = attempts.items_of(session=session, attempt=attempt)
    kata = catalog.katas[item.kata_id or ""]
    assert kata.kind == "sql" and item.answer == kata.starter
    assert item.id is not None
    attempts.save_answer(
        session=session,
        attempt=attempt,
        item_id=item.id,
        answer=kata.reference,
        kind=ItemKind.kata,
        now=clock.advance(minutes=3),
    )
    queue = RecordingQueue()
    clock.advance(minutes=30)
    attempts.refresh(
        session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
    )
    submissions.grade_submission(session=session, submission_id=queue.ids[0], katas=catalog.katas)
    attempts.refresh(
        session=session, attempt=attempt, now=clock.now(), queue=queue, catalog=catalog
    )
    (graded,) = attempts.items_of(session=session, attempt=attempt)
    assert graded.verdict == "passed" and attempt.state == AttemptState.graded
