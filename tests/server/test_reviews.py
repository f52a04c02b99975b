"""FSRS scheduling on a real database with a stepped clock: the due queue, new cards, events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from server import reviews
from server.keypoints import Coverage
from server.models import Card, PracticeEvent, Question, User

T0 = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
PER_DAY = 10


pytestmark = pytest.mark.usefixtures("sample_bank")


def _next(session: Session, user: User, now: datetime, per_day: int = PER_DAY) -> str | None:
    question, state = reviews.practice_queue(
        session=session, user=user, now=now, new_per_day=per_day
    )
    # The practice pages' one pass counts as the home page's queue_state does.
    assert state == _state(session, user, now, per_day)
    return question.id if question is not None else None


def _state(
    session: Session, user: User, now: datetime, per_day: int = PER_DAY
) -> reviews.QueueState:
    return reviews.queue_state(session=session, user=user, now=now, new_per_day=per_day)


def _card(session: Session, user: User, question_id: str) -> Card:
    card = session.exec(
        select(Card).where(Card.user_id == user.id, Card.question_id == question_id)
    ).one()
    session.refresh(card)
    return card


def test_new_questions_come_in_notes_order(session: Session, user: User) -> None:
    # transformer-drawbacks is notes/003.txt:267; the rest share notes/test.txt:1 (then by id).
    order = []
    for _ in range(5):
        question_id = _next(session, user, T0)
        assert question_id is not None
        order.append(question_id)
        reviews.rate(session=session, user=user, question_id=question_id, rating=4, now=T0)
    assert order == [
        "transformer-drawbacks",
        "attention-mean",
        "lstm",
        "sql-order",
        "transfer-learning",
    ]
    assert _next(session, user, T0) is None


def test_good_moves_the_card_into_the_future_and_out_of_the_queue(
    session: Session, user: User
) -> None:
    first = _next(session, user, T0)
    assert first is not None
    reviews.rate(session=session, user=user, question_id=first, rating=3, now=T0)
    card = _card(session, user, first)
    assert reviews.as_utc(card.due) > T0
    assert _state(session, user, T0).due == 0
    assert _next(session, user, T0) != first
    # Good on a new card is the second learning step (10 minutes); then it is due again.
    assert _state(session, user, reviews.as_utc(card.due)).due == 1
    assert _next(session, user, reviews.as_utc(card.due)) == first


def test_good_twice_graduates_to_days(session: Session, user: User) -> None:
    reviews.rate(session=session, user=user, question_id="lstm", rating=3, now=T0)
    later = reviews.as_utc(_card(session, user, "lstm").due)
    reviews.rate(session=session, user=user, question_id="lstm", rating=3, now=later)
    assert reviews.as_utc(_card(session, user, "lstm").due) >= later + timedelta(days=1)


def test_again_comes_back_within_minutes(session: Session, user: User) -> None:
    reviews.rate(session=session, user=user, question_id="lstm", rating=3, now=T0)
    review_at = reviews.as_utc(_card(session, user, "lstm").due)
    reviews.rate(session=session, user=user, question_id="lstm", rating=3, now=review_at)
    graduated_due = reviews.as_utc(_card(session, user, "lstm").due)
    reviews.rate(session=session, user=user, question_id="lstm", rating=1, now=graduated_due)
    again_due = reviews.as_utc(_card(session, user, "lstm").due)
    assert graduated_due < again_due <= graduated_due + timedelta(minutes=10)
    assert _state(session, user, graduated_due).due == 0
    assert _state(session, user, again_due).due == 1
    assert _next(session, user, again_due) == "lstm"


def test_due_cards_come_before_new_ones_oldest_first(session: Session, user: User) -> None:
    reviews.rate(session=session, user=user, question_id="sql-order", rating=1, now=T0)
    reviews.rate(
        session=session, user=user, question_id="lstm", rating=1, now=T0 + timedelta(minutes=1)
    )
    hour = T0 + timedelta(hours=1)
    assert _state(session, user, hour).due == 2
    assert _next(session, user, hour) == "sql-order"


def test_new_cards_per_day_hold_across_a_stepped_clock(session: Session, user: User) -> None:
    evening = datetime(2030, 3, 4, 23, 0, tzinfo=UTC)
    assert _state(session, user, evening, per_day=2).new_available == 2
    for _ in range(2):
        question_id = _next(session, user, evening, per_day=2)
        assert question_id is not None
        # Easy sends a new card days away, so only new cards could fill the queue.
        reviews.rate(session=session, user=user, question_id=question_id, rating=4, now=evening)
    just_before_midnight = datetime(2030, 3, 4, 23, 59, 59, tzinfo=UTC)
    assert _state(session, user, just_before_midnight, per_day=2).new_available == 0
    assert _next(session, user, just_before_midnight, per_day=2) is None
    next_day = datetime(2030, 3, 5, 0, 0, 1, tzinfo=UTC)
    assert _state(session, user, next_day, per_day=2).new_available == 2
    question_id = _next(session, user, next_day, per_day=2)
    assert question_id is not None
    reviews.rate(session=session, user=user, question_id=question_id, rating=4, now=next_day)
    reviews.rate(
        session=session, user=user, question_id="transfer-learning", rating=4, now=next_day
    )
    # Five questions, four introduced: only one new card is left to give, whatever the allowance.
    assert _state(session, user, next_day + timedelta(days=1), per_day=10).new_available == 1


def test_zero_new_cards_per_day_still_serves_due_reviews(session: Session, user: User) -> None:
    reviews.rate(session=session, user=user, question_id="lstm", rating=1, now=T0)
    later = T0 + timedelta(days=2)
    assert _state(session, user, later, per_day=0) == reviews.QueueState(
        due=1, new_available=0, next_due=reviews.as_utc(_card(session, user, "lstm").due)
    )
    assert _next(session, user, later, per_day=0) == "lstm"


def test_a_flashcard_rating_is_stored_with_every_field(session: Session, user: User) -> None:
    event = reviews.rate(session=session, user=user, question_id="lstm", rating=2, now=T0)
    stored = session.exec(select(PracticeEvent)).one()
    assert stored.id == event.id
    assert (stored.user_id, stored.question_id, stored.mode, stored.rating) == (
        user.id,
        "lstm",
        "flashcard",
        2,
    )
    assert reviews.as_utc(stored.at) == T0
    assert stored.typed_answer is None and stored.key_point_score is None


def test_an_answer_and_its_rating_are_one_event(session: Session, user: User) -> None:
    answered = reviews.record_answer(
        session=session,
        user=user,
        question_id="transformer-drawbacks",
        typed_answer="Quadratic in sequence length.",
        coverage=Coverage((True, False)),
        now=T0,
    )
    assert answered.rating is None
    later = T0 + timedelta(minutes=2)
    rated = reviews.rate(
        session=session,
        user=user,
        question_id="transformer-drawbacks",
        rating=2,
        now=later,
        answer_event_id=answered.id,
    )
    stored = session.exec(select(PracticeEvent)).one()
    assert rated.id == answered.id == stored.id
    assert stored.mode == "answer"
    assert stored.typed_answer == "Quadratic in sequence length."
    assert stored.key_point_score == 0.5
    assert stored.covered_key_points == [0]
    assert stored.rating == 2
    assert reviews.as_utc(stored.at) == T0  # when the answer was typed
    card = _card(session, user, "transformer-drawbacks")
    assert reviews.fsrs_card(card).last_review == later


def test_an_answer_can_be_rated_once_and_only_by_its_author(
    session: Session, user: User, make_user: Callable[..., User]
) -> None:
    bob = make_user("bob")
    answered = reviews.record_answer(
        session=session,
        user=user,
        question_id="lstm",
        typed_answer="Long short-term memory",
        coverage=Coverage((True,)),
        now=T0,
    )
    assert answered.id is not None
    with pytest.raises(reviews.EventNotFound):
        reviews.rate(
            session=session, user=bob, question_id="lstm", rating=4, now=T0,
            answer_event_id=answered.id,
        )  # fmt: skip
    with pytest.raises(reviews.EventNotFound):  # right author, wrong question
        reviews.rate(
            session=session, user=user, question_id="sql-order", rating=4, now=T0,
            answer_event_id=answered.id,
        )  # fmt: skip
    reviews.rate(
        session=session, user=user, question_id="lstm", rating=4, now=T0,
        answer_event_id=answered.id,
    )  # fmt: skip
    with pytest.raises(reviews.EventNotFound):
        reviews.rate(
            session=session, user=user, question_id="lstm", rating=1, now=T0,
            answer_event_id=answered.id,
        )  # fmt: skip
    assert session.exec(select(Card).where(Card.user_id == bob.id)).all() == []
    assert reviews.answer_event(session=session, user=bob, event_id=answered.id) is None


@pytest.mark.parametrize("rating", [0, 5, -1])
def test_a_rating_outside_one_to_four_is_refused(session: Session, user: User, rating: int) -> None:
    with pytest.raises(ValueError, match="rating"):
        reviews.rate(session=session, user=user, question_id="lstm", rating=rating, now=T0)
    assert session.exec(select(PracticeEvent)).all() == []


def test_one_users_cards_never_touch_anothers_queue(
    session: Session, user: User, make_user: Callable[..., User]
) -> None:
    bob = make_user("bob")
    for question_id in ("lstm", "sql-order"):
        reviews.rate(session=session, user=user, question_id=question_id, rating=1, now=T0)
    later = T0 + timedelta(hours=1)
    assert _state(session, user, later).due == 2
    assert _state(session, bob, later) == reviews.QueueState(due=0, new_available=5, next_due=None)
    assert reviews.upcoming(session=session, user=bob, limit=10) == []


def test_a_question_removed_from_the_bank_leaves_the_queue(session: Session, user: User) -> None:
    reviews.rate(session=session, user=user, question_id="lstm", rating=1, now=T0)
    question = session.get(Question, "lstm")
    assert question is not None
    question.removed_at = T0
    session.add(question)
    session.commit()
    later = T0 + timedelta(hours=1)
    assert _state(session, user, later).due == 0
    assert _next(session, user, later) != "lstm"
    assert reviews.upcoming(session=session, user=user, limit=10) == []


def test_upcoming_lists_due_dates_soonest_first(session: Session, user: User) -> None:
    reviews.rate(session=session, user=user, question_id="lstm", rating=4, now=T0)
    reviews.rate(session=session, user=user, question_id="sql-order", rating=1, now=T0)
    rows = reviews.upcoming(session=session, user=user, limit=10)
    assert [question.id for _, question in rows] == ["sql-order", "lstm"]
    assert all(due.tzinfo is UTC and due > T0 for due, _ in rows)
