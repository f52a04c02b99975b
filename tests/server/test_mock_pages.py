"""Mock interview pages: start, one item at a time without answers leaking, one mock at a
time, the scorecard feeding the review schedule, the history, and the interviewer seat."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sqlmodel import Session, select

from server.models import Card, User
from tests.factories import assert_login_required, csrf_token, login, one, page, post_form

pytestmark = pytest.mark.usefixtures("sample_bank")

CUSTOM = {"minutes": "10", "concepts": "2", "katas": "0", "topics": "deep-learning"}


def _start(client: TestClient, form: dict[str, Any] = CUSTOM) -> int:
    response = post_form(client, "/mock", form, token_from="/mock")
    assert response.status_code == 303, response.text
    found = re.fullmatch(r"/mock/(\d+)/items/1", response.headers["location"])
    assert found
    return int(found.group(1))


def _put(client: TestClient, attempt: int, item: int, answer: str) -> None:
    token = csrf_token(client, "/mock")
    response = client.put(
        f"/api/attempts/{attempt}/items/{item}",
        json={"answer": answer},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200, response.text


def test_the_pages_need_a_login(client: TestClient) -> None:
    assert_login_required(client, "/mock", "/mock/history", "/mock/1/items/1")


def test_start_page_offers_presets_custom_and_weak_spots(logged_in: TestClient) -> None:
    html = page(logged_in.get("/mock"))
    assert len(html.css("ul.presets button")) == 3
    assert one(html, "input[name=focus_weak]")
    topics = {node.attributes["value"] for node in html.css("input[name=topics]")}
    assert {"deep-learning", "sets"} <= topics
    assert one(html, 'nav a[href="/mock"]')


def test_an_item_page_shows_the_question_and_countdown_but_no_answers(
    logged_in: TestClient,
) -> None:
    attempt = _start(logged_in)
    html = page(logged_in.get(f"/mock/{attempt}/items/1"))
    timer = one(html, "#countdown")
    assert timer.attributes["role"] == "timer" and timer.attributes["aria-live"] == "off"
    assert timer.attributes["data-deadline"] and timer.attributes["data-server-now"]
    assert "UTC" in one(html, ".deadline").text()
    assert len(html.css(".navigator li")) == 2
    assert one(html, ".navigator [aria-current=step]").text().strip().startswith("1")
    body = (html.body.html if html.body else None) or ""
    assert "Long Short-Term Memory" not in body  # lstm's answer and key point
    assert "quadratic" not in body  # transformer-drawbacks' key point


def test_a_kata_item_has_the_code_editor_and_a_concept_item_a_plain_box(
    logged_in: TestClient,
) -> None:
    form = {**CUSTOM, "concepts": "1", "katas": "1", "topics": ["deep-learning", "sets"]}
    attempt = _start(logged_in, form)
    concept, kata = (logged_in.get(f"/mock/{attempt}/items/{n}") for n in (1, 2))
    assert "data-editor" not in one(page(concept), "#answer").attributes
    assert not page(concept).css("script[src='/static/katas.js']")
    assert one(page(kata), "textarea#answer").attributes["data-editor"] == "python"
    # CodeMirror styles itself with the page's nonce, as on the kata page.
    nonce = one(page(kata), "script[src='/static/katas.js']").attributes["nonce"]
    assert nonce and f"'nonce-{nonce}'" in kata.headers["content-security-policy"]


def test_coming_back_resumes_at_the_item_last_on_screen(logged_in: TestClient) -> None:
    attempt = _start(logged_in)
    assert logged_in.get(f"/mock/{attempt}/items/2").status_code == 200
    response = logged_in.get(f"/mock/{attempt}", follow_redirects=False)
    assert response.headers["location"] == f"/mock/{attempt}/items/2"
    assert logged_in.get(f"/mock/{attempt}/items/3").status_code == 404


def test_a_second_mock_is_refused_with_a_way_to_finish_or_abandon_the_first(
    logged_in: TestClient,
) -> None:
    attempt = _start(logged_in)
    response = post_form(logged_in, "/mock", CUSTOM, token_from="/mock")
    assert response.status_code == 409
    html = page(response)
    assert "in progress" in one(html, ".form-error[role=alert]").text()
    assert one(html, f'a[href="/mock/{attempt}"]')
    abandon = post_form(logged_in, f"/mock/{attempt}/abandon", {}, token_from="/mock")
    assert abandon.status_code == 303
    assert _start(logged_in) != attempt


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({**CUSTOM, "topics": "astrology"}, "Unknown topic"),
        ({**CUSTOM, "concepts": "0"}, "at least one item"),
        ({**CUSTOM, "minutes": "0"}, "minutes"),
        ({"preset": "nope"}, "no preset"),
    ],
)
def test_bad_mock_forms_say_why(logged_in: TestClient, form: dict[str, str], message: str) -> None:
    response = post_form(logged_in, "/mock", form, token_from="/mock")
    assert response.status_code in (400, 422)
    assert message in response.text
    assert logged_in.get("/api/mocks").json() == []


def test_scorecard_then_ratings_join_the_review_schedule(
    logged_in: TestClient, session: Session, user: User
) -> None:
    attempt = _start(logged_in)
    items = logged_in.get(f"/api/attempts/{attempt}").json()["items"]
    lstm = next(i for i in items if i["question_id"] == "lstm")
    _put(logged_in, attempt, lstm["item_id"], "Long Short-Term Memory")
    response = post_form(logged_in, f"/mock/{attempt}/submit", {}, token_from="/mock")
    assert response.headers["location"] == f"/mock/{attempt}/scorecard"
    html = page(logged_in.get(f"/mock/{attempt}/scorecard"))
    assert one(html, "#scorecard").attributes["data-state"] == "graded"
    assert one(html, "#overall-score").text() == "1 / 2"
    assert one(html, "#mock-score-chart")
    assert len(html.css(f"#item-{lstm['item_id']} .key-point.covered")) == 1
    assert one(html, f"select[name=rating-{lstm['item_id']}] option[selected]").text() == "Easy"
    ratings = {f"rating-{i['item_id']}": "3" for i in items}
    post_form(logged_in, f"/mock/{attempt}/ratings", ratings, token_from="/mock")
    cards = session.exec(select(Card).where(Card.user_id == user.id)).all()
    assert {c.question_id for c in cards} == {"lstm", "transformer-drawbacks"}
    history = page(logged_in.get("/mock/history"))
    assert len(history.css(".mock-table tbody tr")) == 1


def test_the_interviewer_sees_answers_scores_them_and_loses_the_seat_when_revoked(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    make_user("alice")
    make_user("bob")
    login(client, "alice")
    attempt = _start(client)
    link = one(
        page(post_form(client, f"/mock/{attempt}/seat", {}, token_from="/mock")), "#seat-url"
    )
    token = (link.attributes["value"] or "").rsplit("/", 1)[1]
    items = client.get(f"/api/attempts/{attempt}").json()["items"]
    lstm = next(i for i in items if i["question_id"] == "lstm")
    _put(client, attempt, lstm["item_id"], "It is Long Short-Term Memory.")
    assert client.get(f"/seat/{token}").status_code == 404  # not one's own interviewer

    peer = TestClient(client.app)
    login(peer, "bob")
    html = page(peer.get(f"/seat/{token}"))
    assert "Long Short-Term Memory" in one(html, f"#item-{lstm['item_id']} .key-point-list").text()
    assert "It is Long Short-Term Memory." in one(html, f"#answer-{lstm['item_id']}").text()
    live = peer.get(f"/seat/{token}", headers={"HX-Request": "true", "HX-Target": "seat-live"})
    fragment = HTMLParser(live.text)
    assert one(fragment, "#seat-live").attributes["data-state"] == "in_progress"
    refreshed = one(fragment, f"#answer-{lstm['item_id']}")
    assert refreshed.attributes["hx-swap-oob"] == "true"
    assert "It is Long Short-Term Memory." in refreshed.text()
    assert "<html" not in live.text
    scored = post_form(
        peer,
        f"/seat/{token}/items/{lstm['item_id']}",
        {"score": "0.75", "notes": "Crisp."},
        token_from="/mock",
    )
    assert scored.status_code == 303
    assert (
        peer.put(
            f"/api/attempts/{attempt}/items/{lstm['item_id']}",
            json={"answer": "changed by bob"},
            headers={"X-CSRF-Token": csrf_token(peer, "/mock")},
        ).status_code
        == 404
    )

    post_form(client, f"/mock/{attempt}/submit", {}, token_from="/mock")
    card = page(client.get(f"/mock/{attempt}/scorecard"))
    assert "0.75" in one(card, f"#item-{lstm['item_id']} .interviewer-score").text()
    assert "Crisp." in one(card, f"#item-{lstm['item_id']} .interviewer-notes").text()

    post_form(client, f"/mock/{attempt}/seat/revoke", {}, token_from="/mock")
    assert peer.get(f"/seat/{token}").status_code == 404


def test_a_refused_page_action_gets_the_error_page_with_the_reason(
    logged_in: TestClient,
) -> None:
    attempt = _start(logged_in)
    assert (
        post_form(logged_in, f"/mock/{attempt}/abandon", {}, token_from="/mock").status_code == 303
    )
    again = post_form(logged_in, f"/mock/{attempt}/abandon", {}, token_from="/mock")
    assert again.status_code == 409 and again.headers["content-type"].startswith("text/html")
    assert "This attempt is already over." in one(page(again), "main").text()
    scorecard = logged_in.get(f"/api/attempts/{attempt}/scorecard")  # the API's JSON, same rule
    assert scorecard.status_code == 409
    assert scorecard.json() == {"detail": "This attempt was abandoned, so it has no scorecard."}
