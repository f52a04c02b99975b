"""Flashcards and answer mode through the app: pages, htmx fragments, plain forms, errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from server import reviews
from server.app import create_app
from server.config import Settings
from server.models import Card, PracticeEvent, User
from tests.factories import assert_login_required, csrf_token, login, one, page, post_form, text

HTMX = {"HX-Request": "true", "HX-Target": "card"}
GOOD_TRANSFORMER_ANSWER = (
    "Self-attention is quadratic in sequence length, so the runtime grows fast.\n"
    "Transformers also need far more data than a CNN."
)


pytestmark = pytest.mark.usefixtures("sample_bank")


def _events(engine: Engine) -> list[PracticeEvent]:
    with Session(engine) as session:
        return list(session.exec(select(PracticeEvent).order_by(col(PracticeEvent.id))).all())


def _cards(engine: Engine) -> list[Card]:
    with Session(engine) as session:
        return list(session.exec(select(Card)).all())


def _shown_question(client: TestClient, path: str = "/flashcards") -> str:
    html = page(client.get(path))
    field = html.css_first("#card input[name=question], #card input[name=question_id]")
    assert field is not None
    return field.attributes["value"] or ""


def _rate(client: TestClient, question_id: str, rating: object) -> Response:
    return post_form(
        client, "/flashcards", {"question_id": question_id, "rating": rating}, token_from="/"
    )


def test_practice_pages_need_a_login(client: TestClient) -> None:
    assert_login_required(client, "/flashcards", "/answer", "/progress")


def test_a_flashcard_shows_the_prompt_then_the_answer(logged_in: TestClient) -> None:
    html = page(logged_in.get("/flashcards"))
    card = html.css_first("section#card")
    assert card is not None
    assert text(card, ".card-prompt").strip() == "What are some drawbacks of the Transformer?"
    assert card.css_first(".reference") is None
    assert card.css("button[data-rating]") == []
    assert card.css_first("form.reveal-form button[data-key=reveal]") is not None

    revealed = page(logged_in.get("/flashcards?question=transformer-drawbacks&reveal=true"))
    answer = revealed.css_first("#card .reference")
    assert answer is not None
    assert text(answer, "span.math.inline") == "O(T^2 d)"
    buttons = revealed.css("#card form.rating-form button[name=rating]")
    # Each button says first when the card would come back (a new card here), then its rating.
    assert [(b.attributes["value"], b.text().split()[:2]) for b in buttons] == [
        ("1", ["1m", "Again"]),
        ("2", ["6m", "Hard"]),
        ("3", ["10m", "Good"]),
        ("4", ["8d", "Easy"]),
    ]
    form = one(revealed, "#card form.rating-form")
    assert form.attributes["method"] == "post" and form.attributes["action"] == "/flashcards"
    assert form.css_first("input[name=csrf_token]") is not None


def test_htmx_gets_only_the_card(logged_in: TestClient) -> None:
    response = logged_in.get("/flashcards?question=lstm&reveal=true", headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text
    html = page(response)
    assert [node.attributes.get("id") for node in html.css("section")] == ["card"]
    assert text(html, "#card .reference").strip() == "Long Short-Term Memory."


def test_rating_with_a_plain_form_redirects_to_the_next_card(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    first = _shown_question(logged_in)
    response = _rate(logged_in, first, 3)
    assert response.status_code == 303
    assert response.headers["location"] == f"/flashcards?rated={first}"
    [event] = _events(engine)
    assert (event.user_id, event.question_id, event.mode, event.rating) == (
        user.id,
        first,
        "flashcard",
        3,
    )
    [card] = _cards(engine)
    assert reviews.as_utc(card.due) > datetime.now(UTC)
    assert _shown_question(logged_in) != first


def test_rating_through_htmx_returns_the_next_card(logged_in: TestClient, engine: Engine) -> None:
    first = _shown_question(logged_in)
    token = csrf_token(logged_in, "/flashcards")
    response = logged_in.post(
        "/flashcards",
        data={"question_id": first, "rating": "4"},
        headers={**HTMX, "X-CSRF-Token": token},
    )
    assert response.status_code == 200
    html = page(response)
    shown = html.css_first("#card input[name=question]")
    assert shown is not None and shown.attributes["value"] != first
    assert text(html, ".queue-status").split() == [
        "0",
        "due",
        "·",
        "4",
        "new",
        "left",
        "today",
    ]
    assert len(_events(engine)) == 1


def test_when_nothing_is_left_the_card_says_so(logged_in: TestClient, settings: Settings) -> None:
    for _ in range(5):
        _rate(logged_in, _shown_question(logged_in), 4)
    html = page(logged_in.get("/flashcards"))
    assert text(html, "#card .all-done h2") == "All caught up"
    assert html.css_first("#card .all-done time") is not None


@pytest.mark.parametrize("rating", ["0", "5", "good", ""])
def test_a_bad_rating_is_a_friendly_400(logged_in: TestClient, engine: Engine, rating: str) -> None:
    response = _rate(logged_in, "lstm", rating)
    assert response.status_code == 400
    assert text(page(response), "p.error-message") == (
        "These fields are missing or invalid: rating."
    )
    assert _events(engine) == []


def test_an_unknown_question_is_a_404(logged_in: TestClient, engine: Engine) -> None:
    assert _rate(logged_in, "no-such-question", 3).status_code == 404
    assert logged_in.get("/flashcards?question=no-such-question").status_code == 404
    assert logged_in.get("/answer?question=no-such-question").status_code == 404
    assert logged_in.get("/flashcards?question=" + "x" * 500).status_code == 400
    assert _events(engine) == []


def test_a_rating_without_the_csrf_token_is_refused(logged_in: TestClient, engine: Engine) -> None:
    response = logged_in.post("/flashcards", data={"question_id": "lstm", "rating": "3"})
    assert response.status_code == 403
    assert _events(engine) == []


def test_answer_mode_scores_key_points_and_takes_a_rating(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    form = page(logged_in.get("/answer?question=transformer-drawbacks"))
    assert form.css_first("#card textarea[name=answer]") is not None
    response = post_form(
        logged_in,
        "/answer",
        {"question_id": "transformer-drawbacks", "answer": GOOD_TRANSFORMER_ANSWER},
        token_from="/answer",
    )
    assert response.status_code == 303
    [event] = _events(engine)
    assert response.headers["location"] == f"/answer/{event.id}"
    assert event.mode == "answer" and event.rating is None and event.key_point_score == 1.0

    result = page(logged_in.get(response.headers["location"]))
    assert [li.attributes["class"] for li in result.css("#card li.key-point")] == [
        "key-point covered",
        "key-point covered",
    ]
    assert text(result, "#card .score").split()[:5] == ["You", "covered", "2", "of", "2"]
    assert text(result, "#card .typed-answer") == GOOD_TRANSFORMER_ANSWER
    assert result.css_first("#card .reference span.math") is not None
    suggested = result.css_first("#card button.suggested")
    assert suggested is not None and suggested.attributes["value"] == "4"

    rated = post_form(logged_in, f"/answer/{event.id}/rate", {"rating": "3"}, token_from="/answer")
    assert (
        rated.status_code == 303
        and rated.headers["location"] == "/answer?rated=transformer-drawbacks"
    )
    [event] = _events(engine)
    assert (event.user_id, event.rating, event.typed_answer) == (
        user.id,
        3,
        GOOD_TRANSFORMER_ANSWER,
    )
    assert event.covered_key_points == [0, 1]
    [card] = _cards(engine)
    assert card.question_id == "transformer-drawbacks"
    after = page(logged_in.get(f"/answer/{event.id}"))
    assert after.css("#card button[name=rating]") == []
    assert "Good" in text(after, "#card")


def test_a_vague_answer_covers_less_and_suggests_again(logged_in: TestClient) -> None:
    response = post_form(
        logged_in,
        "/answer",
        {"question_id": "transformer-drawbacks", "answer": "They are big and sometimes slow."},
        token_from="/answer",
    )
    result = page(logged_in.get(response.headers["location"]))
    assert [li.attributes["class"] for li in result.css("#card li.key-point")] == [
        "key-point missed",
        "key-point missed",
    ]
    assert one(result, "#card button.suggested").attributes["value"] == "1"


def test_answer_mode_through_htmx_swaps_the_card(logged_in: TestClient, engine: Engine) -> None:
    token = csrf_token(logged_in, "/answer")
    headers = {**HTMX, "X-CSRF-Token": token}
    response = logged_in.post(
        "/answer", data={"question_id": "lstm", "answer": "Long short-term memory"}, headers=headers
    )
    assert response.status_code == 200
    html = page(response)
    assert html.css_first("#card li.key-point.covered") is not None
    [event] = _events(engine)
    rated = logged_in.post(f"/answer/{event.id}/rate", data={"rating": "4"}, headers=headers)
    assert rated.status_code == 200
    assert page(rated).css_first("#card textarea[name=answer]") is not None
    assert _events(engine)[0].rating == 4


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("", "Type an answer first"),
        ("   \n ", "Type an answer first"),
        ("x" * (reviews.ANSWER_MAX_CHARS + 1), "the limit is 10,000"),
    ],
)
def test_an_empty_or_too_long_answer_is_a_form_error(
    logged_in: TestClient, engine: Engine, answer: str, message: str
) -> None:
    response = post_form(
        logged_in, "/answer", {"question_id": "lstm", "answer": answer}, token_from="/answer"
    )
    assert response.status_code == 400
    html = page(response)
    assert message in text(html, "#card #error-answer")
    assert text(html, "#card textarea") == answer
    assert one(html, "#card textarea").attributes["aria-invalid"] == "true"
    assert _events(engine) == []


def test_an_answer_at_the_limit_is_accepted(logged_in: TestClient, engine: Engine) -> None:
    answer = ("memory " * 2000)[: reviews.ANSWER_MAX_CHARS]
    response = post_form(
        logged_in, "/answer", {"question_id": "lstm", "answer": answer}, token_from="/answer"
    )
    assert response.status_code == 303
    assert len(_events(engine)[0].typed_answer or "") == reviews.ANSWER_MAX_CHARS


def test_htmx_form_errors_come_back_swappable(logged_in: TestClient) -> None:
    token = csrf_token(logged_in, "/answer")
    response = logged_in.post(
        "/answer",
        data={"question_id": "lstm", "answer": ""},
        headers={**HTMX, "X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert page(response).css_first("#card #error-answer") is not None


def test_another_user_cannot_see_or_rate_my_answer(
    client: TestClient, engine: Engine, make_user: Callable[..., User]
) -> None:
    make_user("alice")
    make_user("bob")
    login(client, "alice")
    response = post_form(
        client,
        "/answer",
        {"question_id": "lstm", "answer": "Long short-term memory"},
        token_from="/answer",
    )
    event_path = response.headers["location"]
    client.cookies.clear()
    login(client, "bob")
    assert client.get(event_path).status_code == 404
    rated = post_form(client, f"{event_path}/rate", {"rating": "4"}, token_from="/answer")
    assert rated.status_code == 404
    assert client.get("/answer/999999").status_code == 404
    assert client.get("/answer/not-a-number").status_code == 400
    [event] = _events(engine)
    assert event.rating is None
    assert _cards(engine) == []


def test_rating_an_answer_twice_is_refused(logged_in: TestClient, engine: Engine) -> None:
    response = post_form(
        logged_in, "/answer", {"question_id": "lstm", "answer": "memory"}, token_from="/answer"
    )
    rate_path = response.headers["location"] + "/rate"
    assert post_form(logged_in, rate_path, {"rating": "3"}, token_from="/answer").status_code == 303
    again = post_form(logged_in, rate_path, {"rating": "1"}, token_from="/answer")
    assert again.status_code == 409
    assert text(page(again), "p.error-message") == "You have already rated this answer."
    assert [event.rating for event in _events(engine)] == [3]


def test_practice_survives_a_restart(settings: Settings, make_user: Callable[..., User]) -> None:
    make_user("carol")
    with TestClient(create_app(settings)) as first:
        login(first, "carol")
        _rate(first, "lstm", 3)
        post_form(
            first,
            "/answer",
            {"question_id": "sql-order", "answer": "FROM first"},
            token_from="/answer",
        )
    with TestClient(create_app(settings)) as second:
        login(second, "carol")
        html = page(second.get("/progress"))
        assert text(html, "#total-reviews") == "1"
        assert text(html, "#answer-checks") == "1"
        assert text(html, "#cards-started") == "1"


def test_home_shows_what_is_due_or_a_welcome(client: TestClient, user: User) -> None:
    welcome = page(client.get("/"))
    assert welcome.css_first('a.button[href="/register"]') is not None
    assert welcome.css_first('a.button[href="/login"]') is not None
    login(client, user.username)
    home = page(client.get("/"))
    assert text(home, "#due-count") == "0"
    assert text(home, "#new-count") == "5"
    assert home.css_first('a.button[href="/flashcards"]') is not None
    _rate(client, "lstm", 1)
    assert text(page(client.get("/")), "#new-count") == "4"


@pytest.mark.parametrize(
    ("method", "path", "data", "status"),
    [
        ("get", "/flashcards?question=lstm&reveal=maybe", None, 400),
        ("get", "/answer/0", None, 400),
        ("post", "/answer", {"answer": "no question"}, 400),
        ("post", "/answer", {"question_id": "", "answer": "blank id"}, 400),
        ("post", "/answer/abc/rate", {"rating": "3"}, 400),
        ("post", "/answer/424242/rate", {"rating": "3"}, 404),
        ("post", "/flashcards", {"rating": "3"}, 400),
    ],
)
def test_odd_requests_get_a_friendly_page(
    logged_in: TestClient,
    engine: Engine,
    method: str,
    path: str,
    data: dict[str, str] | None,
    status: int,
) -> None:
    if method == "get":
        response = logged_in.get(path)
    else:
        response = post_form(logged_in, path, data or {}, token_from="/")
    assert response.status_code == status
    assert page(response).css_first("p.error-message") is not None
    assert _events(engine) == []


def test_rating_buttons_preview_the_cards_next_interval(
    logged_in: TestClient, engine: Engine, user: User
) -> None:
    _rate(logged_in, "lstm", 3)
    with Session(engine) as session:
        previews = reviews.next_intervals(
            session=session, user=user, question_id="lstm", now=datetime.now(UTC)
        )
    html = page(logged_in.get("/flashcards?question=lstm&reveal=true"))
    shown = [node.text() for node in html.css("#card button[name=rating] .interval")]
    assert shown == [reviews.format_interval(previews[rating]) for rating in (1, 2, 3, 4)]
    # A reviewed card has moved on: Good now waits longer than it did for a new card.
    assert previews[3] > previews[1]


def test_a_rating_is_confirmed_on_the_next_card(logged_in: TestClient) -> None:
    token = csrf_token(logged_in, "/flashcards")
    response = logged_in.post(
        "/flashcards",
        data={"csrf_token": token, "question_id": "lstm", "rating": "4"},
        headers=HTMX,
    )
    confirmed = one(page(response), "#card .rating-confirmed[role=status]")
    assert "What does LSTM stand for?" in confirmed.text()
    assert text(confirmed, "strong") == "Easy"
    assert re.fullmatch(r"\d+d", text(confirmed, ".next-interval"))  # FSRS fuzzes long ones
    # Without JavaScript, the redirect names the rated card and the page confirms it the same way.
    redirect = _rate(logged_in, "sql-order", 1)
    assert redirect.headers["location"] == "/flashcards?rated=sql-order"
    again = one(page(logged_in.get(redirect.headers["location"])), "#card .rating-confirmed")
    assert text(again, "strong") == "Again"
    assert page(logged_in.get("/flashcards")).css_first(".rating-confirmed") is None


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [
        (0.2, "1m"),
        (10, "10m"),
        (90, "2h"),
        (60 * 24 * 4, "4d"),
        (60 * 24 * 45, "1.5mo"),
        (60 * 24 * 365 * 2, "2y"),
    ],
)
def test_intervals_are_written_as_anki_writes_them(minutes: float, shown: str) -> None:
    assert reviews.format_interval(timedelta(minutes=minutes)) == shown


def test_practice_can_be_limited_to_chosen_topics(logged_in: TestClient) -> None:
    # In notes order the first question is transformer-drawbacks; choosing sql skips to sql-order.
    assert _shown_question(logged_in) == "transformer-drawbacks"
    html = page(logged_in.get("/flashcards?topic=sql"))
    assert one(html, "#card input[name=question]").attributes["value"] == "sql-order"
    checked = [box.attributes["value"] for box in html.css("#topic-chooser input:checked")]
    assert checked == ["sql"]
    assert [f.attributes["value"] for f in html.css("#card input[name=topic]")] == ["sql"]
    # Rating keeps the choice: the redirect carries it, and with sql done nothing else is due.
    form = {"question_id": "sql-order", "rating": 3, "topic": "sql"}
    response = post_form(logged_in, "/flashcards", form, token_from="/")
    assert response.headers["location"] == "/flashcards?rated=sql-order&topic=sql"
    after = page(logged_in.get(response.headers["location"]))
    assert after.css_first("#card .card-prompt") is None
    assert after.css_first("#card .all-done") is not None
    # Unknown topics are ignored; two topics practise both.
    assert _shown_question(logged_in, "/answer?topic=nonsense") == "transformer-drawbacks"
    both = page(logged_in.get("/answer?topic=rnn&topic=sql"))
    assert one(both, "#card input[name=question_id]").attributes["value"] == "lstm"
    assert text(both, "#topic-chooser summary strong") == "rnn, sql"


def test_a_question_page_hides_its_answer_until_asked(client: TestClient) -> None:
    html = page(client.get("/questions/lstm"))
    reveal = one(html, "details#answer-reveal")
    assert "open" not in reveal.attributes
    assert text(reveal, "summary") == "Show the answer"
    assert one(reveal, ".answer .prose").text().strip() == "Long Short-Term Memory."
    assert one(html, ".answer-first a").attributes["href"] == "/answer?question=lstm"
