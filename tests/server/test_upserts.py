"""The upserts behind drafts, first ratings, answer ratings and registration, raced by threads
on a real SQLite file and a real Postgres database (a fresh one per test, dropped after)."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from server import accounts, db, drafts, reviews
from server.keypoints import Coverage
from server.models import Card, Draft, Kata, PracticeEvent, Question, User
from tests.factories import PASSWORD

THREADS = 8
POSTGRES = "postgresql+psycopg://root@127.0.0.1:5432"
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = db.make_engine(f"sqlite:///{tmp_path / 'katabank.db'}")
        db.upgrade(engine)
        yield engine
        engine.dispose()
        return
    name = f"katabank_upserts_{secrets.token_hex(4)}"
    with psycopg.connect("host=127.0.0.1 user=root dbname=test", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    engine = db.make_engine(f"{POSTGRES}/{name}")
    try:
        db.upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with psycopg.connect("host=127.0.0.1 user=root dbname=test", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def user(engine: Engine) -> User:
    with Session(engine, expire_on_commit=False) as session:
        session.add(Question(id="q", prompt="Why?", topics=[], difficulty="easy", source="n:1"))
        session.add(Kata(id="k", title="K", topics=[], difficulty="easy"))
        session.commit()
        return accounts.create_user(session=session, username="racer", password=PASSWORD)


def _at_once(engine: Engine, call: Callable[[Session, int], Any]) -> list[Any]:
    """`call(session, n)` in THREADS threads at once, each with its own session; results or
    the exceptions they raised."""
    barrier = threading.Barrier(THREADS)

    def run(number: int) -> Any:
        with Session(engine, expire_on_commit=False) as session:
            barrier.wait()
            try:
                return call(session, number)
            except Exception as exc:
                return exc

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(run, range(THREADS)))


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_drafts_saved_at_once_leave_one_draft_holding_one_of_them(
    engine: Engine, user: User
) -> None:
    results = _at_once(
        engine,
        lambda session, n: drafts.save_draft(
            session=session, user=user, kata_id="k", source=f"# {n}\n"
        ),
    )
    assert all(isinstance(result, Draft) for result in results), results
    assert _count(engine, Draft) == 1
    with Session(engine) as session:
        saved = drafts.get_draft(session=session, user=user, kata_id="k")
    assert saved is not None and saved.source in {f"# {n}\n" for n in range(THREADS)}


def test_first_ratings_at_once_review_one_card(engine: Engine, user: User) -> None:
    results = _at_once(
        engine,
        lambda session, _: reviews.rate(
            session=session, user=user, question_id="q", rating=3, now=NOW
        ),
    )
    assert all(isinstance(result, PracticeEvent) for result in results), results
    assert (_count(engine, Card), _count(engine, PracticeEvent)) == (1, THREADS)


def test_one_answer_rated_at_once_is_rated_once(engine: Engine, user: User) -> None:
    with Session(engine, expire_on_commit=False) as session:
        event = reviews.record_answer(
            session=session,
            user=user,
            question_id="q",
            typed_answer="because",
            coverage=Coverage(credits=(0.0,)),
            now=NOW,
        )
    results = _at_once(
        engine,
        lambda session, n: reviews.rate(
            session=session,
            user=user,
            question_id="q",
            rating=1 + n % 4,
            now=NOW,
            answer_event_id=event.id,
        ),
    )
    won = [result for result in results if isinstance(result, PracticeEvent)]
    lost = [result for result in results if isinstance(result, reviews.EventNotFound)]
    assert (len(won), len(lost)) == (1, THREADS - 1), results
    with Session(engine) as session:
        stored = session.get(PracticeEvent, event.id)
        assert stored is not None and stored.rating == won[0].rating
        card = session.exec(select(Card)).one()
    # Reviewed once, by the winning rating: a second review would have changed the memory state
    # (the due date is fuzzed at random, stability and difficulty are not).
    assert won[0].rating is not None
    once, _ = reviews.scheduler.review_card(FsrsCard(due=NOW), Rating(won[0].rating), NOW)
    stored_card = reviews.fsrs_card(card)
    assert (stored_card.state, stored_card.stability, stored_card.difficulty) == (
        once.state,
        once.stability,
        once.difficulty,
    )


def test_one_name_registered_at_once_makes_one_account(engine: Engine, user: User) -> None:
    results = _at_once(
        engine,
        lambda session, _: accounts.create_user(
            session=session, username="twin", password=PASSWORD
        ),
    )
    made = [result for result in results if isinstance(result, User)]
    refused = [result for result in results if isinstance(result, accounts.AccountError)]
    assert (len(made), len(refused)) == (1, THREADS - 1), results
    assert {error.errors["username"] for error in refused} == {"That username is taken."}
    assert _count(engine, User) == 2
