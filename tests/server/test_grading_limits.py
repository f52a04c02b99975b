"""The grading queue cannot be flooded: per-user and overall caps on waiting work, claimed
atomically; quick answers have a window too; long-polls are capped and end with their client."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from graders import Kata as KataSpec
from server import db, submissions
from server.app import create_app
from server.config import Settings
from server.models import PracticeEvent, Submission, User
from server.submissions import Kind, Limits, Status, SubmissionRefused
from tests.factories import RIGHT, login, make_submission, make_user, page, post_form, text
from tests.server.serving import login_client, serve
from tests.server.test_submissions import RecordingQueue


@pytest.fixture
def kata(app: FastAPI, client: TestClient) -> KataSpec:
    found: KataSpec = app.state.catalog.katas["intersection"]
    return found


def _submit(engine: Engine, user: User, kata: KataSpec, limits: Limits) -> Submission:
    with Session(engine, expire_on_commit=False) as session:
        return submissions.submit(
            session=session,
            queue=RecordingQueue(),
            user=user,
            kata=kata,
            source=RIGHT,
            kind=Kind.run,
            per_minute=100,
            limits=limits,
        )


def test_one_user_may_have_only_so_much_waiting(engine: Engine, user: User, kata: KataSpec) -> None:
    limits = Limits(per_minute=100, queued_per_user=2)
    first = _submit(engine, user, kata, limits)
    _submit(engine, user, kata, limits)
    with pytest.raises(SubmissionRefused) as refused:
        _submit(engine, user, kata, limits)
    assert refused.value.status_code == 429 and refused.value.retry_after == 5
    assert "2 runs and submissions waiting" in refused.value.message
    with Session(engine) as session:
        assert len(session.exec(select(Submission)).all()) == 2  # the refused one is gone
        row = session.get(Submission, first.id)
        assert row is not None
        row.status = Status.done
        session.add(row)
        session.commit()
    _submit(engine, user, kata, limits)


def test_everyone_together_may_have_only_so_much_waiting(
    engine: Engine, make_user: Callable[..., User], kata: KataSpec
) -> None:
    limits = Limits(per_minute=100, queued_per_user=5, queued_max=2)
    alice, bob = make_user("alice"), make_user("bob")
    _submit(engine, alice, kata, limits)
    _submit(engine, alice, kata, limits)
    with pytest.raises(SubmissionRefused) as refused:
        _submit(engine, bob, kata, limits)
    assert refused.value.status_code == 503 and refused.value.retry_after == 5
    assert refused.value.message.startswith("Grading is busy right now.")


def test_parallel_submissions_cannot_all_take_the_last_places(
    engine: Engine, user: User, kata: KataSpec
) -> None:
    limits = Limits(per_minute=100, queued_per_user=3)
    tries = 12
    start = threading.Barrier(tries)
    outcomes: list[str] = []

    def attempt() -> None:
        start.wait(timeout=30)
        try:
            _submit(engine, user, kata, limits)
            outcomes.append("stored")
        except SubmissionRefused:
            outcomes.append("refused")

    threads = [threading.Thread(target=attempt) for _ in range(tries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == tries
    with Session(engine) as session:
        stored = len(session.exec(select(Submission)).all())
    assert stored == outcomes.count("stored") <= 3
    assert stored >= 1


def test_quick_answers_have_a_window_of_their_own(engine: Engine, user: User, app: FastAPI) -> None:
    kata = app.state.catalog.katas["p_consecutive"]
    with Session(engine, expire_on_commit=False) as session:
        for _ in range(2):
            submissions.record_answer(
                session=session, user=user, kata=kata, typed="0.5", per_minute=2
            )
        with pytest.raises(SubmissionRefused) as refused:
            submissions.record_answer(
                session=session, user=user, kata=kata, typed="0.5", per_minute=2
            )
    assert refused.value.status_code == 429
    assert refused.value.message.startswith("That is 2 quick answers in the last minute")


def _fill_the_queue(client: TestClient, engine: Engine) -> str:
    """Take everyone's one place with another user's submission; log in; the CSRF token."""
    other = make_user(engine, "other")
    make_submission(engine, other, status=Status.queued)
    make_user(engine, "alice")
    login(client, "alice")
    token: str = client.get("/api/session").json()["csrf_token"]
    return token


def test_a_full_queue_is_a_friendly_busy_message_on_the_page(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"queued_max": 1}))
    with TestClient(app) as client:
        token = _fill_the_queue(client, app.state.engine)
        response = client.post(
            "/katas/intersection/submissions",
            data={"kind": "run", "source": RIGHT},
            headers={"X-CSRF-Token": token, "HX-Request": "true", "HX-Target": "result"},
        )
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert text(page(response), "#result .form-error").startswith("Grading is busy")


def test_a_full_queue_is_503_with_retry_after_on_the_api(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"queued_max": 1}))
    with TestClient(app) as client:
        engine = app.state.engine
        token = _fill_the_queue(client, engine)
        response = client.post(
            "/api/submissions",
            json={"kata_id": "intersection", "source": RIGHT},
            headers={"X-CSRF-Token": token},
        )
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert response.json()["detail"].startswith("Grading is busy")
        with Session(engine) as session:
            assert len(session.exec(select(Submission)).all()) == 1


def test_long_polls_are_capped_per_user_and_end_with_their_client(tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    database_url = f"sqlite:///{tmp_path / 'katabank.db'}"
    with serve(tmp_path, database_url, "server", waits_per_user=1) as server:
        engine = db.make_engine(database_url)
        user = make_user(engine, "poller")
        # Stored straight in the table, so no queue grades it: a wait on it lasts its full time.
        pending = make_submission(engine, user, status=Status.queued)
        engine.dispose()
        client = login_client(server.url, "poller")
        url = f"/api/submissions/{pending.id}"
        held = threading.Thread(target=lambda: client.get(url + "?wait=3"))
        held.start()
        time.sleep(1)
        second = login_client(server.url, "poller")
        refused = second.get(url + "?wait=3")
        assert refused.status_code == 429 and refused.headers["retry-after"] == "1"
        assert second.get(url).status_code == 200  # a plain read is never refused
        held.join(timeout=10)
        assert second.get(url + "?wait=0.5").status_code == 200
        # A client that gives up frees its place at once, not when its wait=30 is over.
        with pytest.raises(httpx.ReadTimeout):
            second.get(url + "?wait=30", timeout=1)
        time.sleep(1)
        started = time.monotonic()
        assert second.get(url + "?wait=0.5").status_code == 200
        assert time.monotonic() - started < 5


def test_typed_answers_have_a_window_per_user(settings: Settings, sample_bank: None) -> None:
    app = create_app(settings.model_copy(update={"answers_per_minute": 2}))
    with TestClient(app) as client:
        make_user(app.state.engine, "alice")
        login(client, "alice")
        form = {"question_id": "lstm", "answer": "Long short-term memory"}
        for _ in range(2):
            assert post_form(client, "/answer", form, token_from="/answer").status_code == 303
        refused = post_form(client, "/answer", form, token_from="/answer")
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        message = text(page(refused), "#card #error-answer")
        assert message.startswith("That is 2 answers in the last minute, the most allowed.")
        assert text(page(refused), "#card textarea") == form["answer"]  # nothing typed is lost
        token = client.get("/api/session").json()["csrf_token"]
        htmx = {"HX-Request": "true", "HX-Target": "card", "X-CSRF-Token": token}
        swapped = client.post("/answer", data=form, headers=htmx)
        assert swapped.status_code == 200 and swapped.headers["retry-after"]
        assert "the most allowed" in text(page(swapped), "#error-answer")
        with Session(app.state.engine) as session:
            assert len(session.exec(select(PracticeEvent)).all()) == 2
