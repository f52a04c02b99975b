"""The candidate's pages, as a browser without an account sees them: the landing page's rules
and time, starting, the items on the attempt engine's page, Run, submit, and what is never
in the HTML (reference answers, key points, hidden tests, scores)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from server.clock import ManualClock
from server.models import Role, User
from tests.factories import SAMPLE_BANK, login, one, page, text

pytestmark = pytest.mark.usefixtures("sample_bank")

SET = {
    "title": "Round 1",
    "items": [
        {"kind": "concept", "question_id": "transformer-drawbacks", "points": 1},
        {"kind": "kata", "kata_id": "intersection", "points": 2},
    ],
}


@pytest.fixture
def clock(app: FastAPI, client: TestClient) -> ManualClock:
    clock = ManualClock(datetime(2027, 1, 10, 9, 0, tzinfo=UTC))
    app.state.clock = clock
    return clock


@pytest.fixture
def link(client: TestClient, make_user: Callable[..., User], clock: ManualClock) -> str:
    make_user("maria", role=Role.manager)
    login(client, "maria")
    headers = {"X-CSRF-Token": client.get("/api/session").json()["csrf_token"]}
    set_id = client.post("/api/sets", json=SET, headers=headers).json()["set_id"]
    assessment = client.post(
        "/api/assessments",
        json={
            "set_id": set_id,
            "title": "Data scientist, round 1",
            "minutes": 45,
            "opens_at": clock.now().isoformat(),
            "closes_at": (clock.now() + timedelta(days=1)).isoformat(),
            "instructions": "Answer in your own words.",
        },
        headers=headers,
    ).json()["assessment_id"]
    created = client.post(
        f"/api/assessments/{assessment}/invitations",
        json={"name": "Ada", "extra_minutes": 15, "extra_reason": "accommodation"},
        headers=headers,
    ).json()
    url: str = created["url"]
    return "/take/" + url.rsplit("/take/", 1)[1]


def test_the_landing_page_states_the_rules_and_the_time_then_starts(
    app: FastAPI, link: str, clock: ManualClock
) -> None:
    browser = TestClient(app)
    landing = page(browser.get(link))
    assert text(landing, "h1") == "Data scientist, round 1"
    assert text(landing, "#time-limit") == "45 minutes, plus 15 minutes of extra time"
    assert "does not stop" in text(landing, ".rules")
    assert (one(landing, "time[datetime]").attributes["datetime"] or "").endswith("+00:00")
    token = one(landing, "input[name=csrf_token]").attributes["value"]

    started = browser.post(
        f"{link}/start", data={"name": "Ada Lovelace", "csrf_token": token}, follow_redirects=False
    )
    assert started.status_code == 303 and started.headers["location"] == f"{link}/items/1"
    item = page(browser.get(f"{link}/items/1"))
    assert one(item, "#mock").attributes["data-api"] == f"/api{link}"
    assert "drawbacks of the Transformer" in text(item, "#item-heading")
    countdown = one(item, "#countdown").attributes
    deadline = datetime.fromisoformat(countdown["data-deadline"] or "")
    assert deadline == clock.now() + timedelta(minutes=60)
    assert not item.css("form[action$='/abandon']") and not item.css(".seat-panel")
    # Returning to the link goes back to the items, not to a second start.
    assert browser.get(link, follow_redirects=False).headers["location"] == f"{link}/items/1"


def test_the_candidate_never_sees_answers_key_points_or_hidden_tests(
    app: FastAPI, link: str
) -> None:
    browser = TestClient(app)
    token = one(page(browser.get(link)), "input[name=csrf_token]").attributes["value"]
    browser.post(f"{link}/start", data={"name": "Ada", "csrf_token": token})
    html = browser.get(f"{link}/items/1").text + browser.get(f"{link}/items/2").text
    bank = SAMPLE_BANK["transformer-drawbacks"]
    for secret in (
        *bank["key_points"],
        "It needs far more data than a CNN",
        "test_same_list_twice",
    ):
        assert secret not in html
    submit_token = one(page(browser.get(f"{link}/items/1")), "#finish-form input").attributes[
        "value"
    ]
    done = browser.post(f"{link}/submit", data={"csrf_token": submit_token})
    assert text(page(done), "h1") == "Submitted"
    assert "score" not in done.text.lower()


def test_a_bad_link_is_not_found_and_the_window_is_enforced(
    app: FastAPI, link: str, clock: ManualClock
) -> None:
    browser = TestClient(app)
    assert browser.get("/take/" + "A" * 43).status_code == 404
    clock.advance(days=2)
    assert browser.get(link).status_code == 404
