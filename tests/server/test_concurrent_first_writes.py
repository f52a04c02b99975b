"""Requests racing to create the same row, sent at once to the real server (`katabank serve`
on loopback, SQLite file): a draft autosave with a Run, two registrations of one name, first
ratings of one card, and ratings of one typed answer. Each ends in the right result or a
clear error, never a 500."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sqlmodel import Session, col, func, select

from server import db
from server.models import Card, Draft, PracticeEvent, User
from tests.factories import PASSWORD, write_sample_bank
from tests.server.serving import Server, create_users, login_client, serve

T = TypeVar("T")
AT_ONCE = 8


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("races")
    (root / "questions").mkdir()
    write_sample_bank(root / "questions")
    database_url = f"sqlite:///{root / 'katabank.db'}"
    # Every racer hashes its password at once: the race is on the rows, not the hash slots,
    # whose 2 s wait a slow machine ran out (a 503) with the default two.
    settings = {"submissions_per_minute": 1000, "password_hashes_at_once": AT_ONCE}
    with serve(root, database_url, "server", **settings) as running:
        yield running


def _at_once(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Run every call in its own thread, all released together by a barrier."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def _count(server: Server, model: type, *conditions: object) -> int:
    engine = db.make_engine(server.database_url)
    try:
        with Session(engine) as session:
            return session.exec(
                select(func.count()).select_from(model).where(*conditions)  # type: ignore[arg-type]
            ).one()
    finally:
        engine.dispose()


def _htmx(target: str) -> dict[str, str]:
    return {"HX-Request": "true", "HX-Target": target}


def test_autosave_and_run_on_a_kata_without_a_draft_both_succeed(server: Server) -> None:
    names = [f"coder{number}" for number in range(4)]
    create_users(server.database_url, names)
    for name in names:
        client = login_client(server.url, name)
        draft = partial(client.post, "/katas/intersection/draft", headers=_htmx("draft-status"))
        autosave = [
            partial(draft, data={"source": f"# autosave {n}\n"}) for n in range(AT_ONCE - 1)
        ]
        run = [
            partial(
                client.post,
                "/katas/intersection/submissions",
                data={"kind": "run", "source": "# the run\n"},
                headers=_htmx("result"),
            )
        ]
        responses = _at_once(autosave + run)
        assert [r.status_code for r in responses] == [200] * (AT_ONCE - 1) + [202], [
            r.text[:300] for r in responses if r.status_code >= 500
        ]
        assert HTMLParser(responses[-1].text).css_first("#result") is not None
        client.close()
    users = select(User.id).where(col(User.username).in_(names))
    assert _count(server, Draft, col(Draft.user_id).in_(users)) == len(names)


def test_registering_one_name_at_once_makes_one_account_and_tells_the_others(
    server: Server,
) -> None:
    def register() -> httpx.Response:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            form = HTMLParser(client.get("/register").text).css_first("input[name=csrf_token]")
            assert form is not None
            data = {
                "csrf_token": form.attributes["value"],
                "username": "twin",
                "password": PASSWORD,
            }
            return client.post("/register", data=data)

    responses = _at_once([register] * AT_ONCE)
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [303] + [400] * (AT_ONCE - 1)
    for response in responses:
        if response.status_code == 400:
            error = HTMLParser(response.text).css_first("#error-username")
            assert error is not None and "taken" in error.text()
    assert _count(server, User, User.username == "twin") == 1


def test_first_ratings_of_one_card_at_once_all_count_on_one_card(server: Server) -> None:
    create_users(server.database_url, ["rater"])
    client = login_client(server.url, "rater")
    rate = lambda: client.post(  # noqa: E731
        "/flashcards", data={"question_id": "lstm", "rating": "3"}, headers=_htmx("card")
    )
    responses = _at_once([rate] * AT_ONCE)
    assert [response.status_code for response in responses] == [200] * AT_ONCE
    user = select(User.id).where(User.username == "rater").scalar_subquery()
    assert _count(server, Card, Card.user_id == user, Card.question_id == "lstm") == 1
    assert _count(server, PracticeEvent, PracticeEvent.user_id == user) == AT_ONCE
    client.close()


def test_rating_one_answer_at_once_counts_once_and_tells_the_others(server: Server) -> None:
    create_users(server.database_url, ["answerer"])
    client = login_client(server.url, "answerer")
    answered = client.post(
        "/answer", data={"question_id": "lstm", "answer": "Long Short-Term Memory"}
    )
    assert answered.status_code == 303
    event_path = answered.headers["location"]
    rate = lambda: client.post(  # noqa: E731
        f"{event_path}/rate", data={"rating": "3"}, headers=_htmx("card")
    )
    responses = _at_once([rate] * AT_ONCE)
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [409] * (AT_ONCE - 1)
    refused = next(response for response in responses if response.status_code == 409)
    assert "already rated" in HTMLParser(refused.text).css_first(".error-message").text()  # type: ignore[union-attr]
    user = select(User.id).where(User.username == "answerer").scalar_subquery()
    assert _count(server, PracticeEvent, PracticeEvent.user_id == user) == 1
    client.close()
