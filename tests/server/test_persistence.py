"""Nothing a user did is lost when the app restarts on the same database file."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from server.app import create_app
from server.config import Settings
from server.models import PracticeEvent, User
from tests.factories import login, page, post_form, register, text


def test_accounts_logins_and_events_survive_a_restart(settings: Settings) -> None:
    first = create_app(settings)
    with TestClient(first) as client:
        response = register(client, "heidi")
        assert response.status_code == 303
        session_cookie = client.cookies["katabank_session"]
        question_id = next(iter(first.state.catalog.questions))
        # Recorded by the app itself, as a browser would: not written here behind its back.
        answered = post_form(
            client, "/answer", {"question_id": question_id, "answer": "hi"}, token_from="/answer"
        )
        assert answered.status_code == 303

    second = create_app(settings)
    with TestClient(second) as client:
        # The browser's login is still valid...
        client.cookies.set("katabank_session", session_cookie)
        assert text(page(client.get("/questions")), ".nav-user") == "heidi"
        # ...the password still works from a fresh browser...
    with TestClient(second) as fresh:
        login(fresh, "heidi")
        with Session(second.state.engine) as session:
            events = session.exec(select(PracticeEvent)).all()
            users = session.exec(select(User)).all()
    # ...and the history is intact.
    [user] = users
    assert [
        (event.user_id, event.question_id, event.mode, event.typed_answer) for event in events
    ] == [(user.id, question_id, "answer", "hi")]
