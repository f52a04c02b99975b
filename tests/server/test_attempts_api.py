"""The attempts JSON API: the contract's paths and fields, the deadline (409 one second
late, nothing changed), other users' attempts (404), bad input, one mock at a time, the
OpenAPI schema. The server's clock is a ManualClock the test moves."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from server.clock import ManualClock
from server.models import User
from tests.factories import RIGHT, login

pytestmark = pytest.mark.usefixtures("sample_bank")

MIXED = {"minutes": 10, "concepts": 2, "katas": 1, "topics": ["deep-learning", "sets"]}


@pytest.fixture
def clock(app: FastAPI, client: TestClient) -> ManualClock:
    clock = ManualClock(datetime.now(UTC).replace(microsecond=0))
    app.state.clock = clock
    return clock


def _h(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": client.get("/api/session").json()["csrf_token"]}


def _start(client: TestClient, body: dict[str, Any] = MIXED) -> dict[str, Any]:
    response = client.post("/api/mocks", json=body, headers=_h(client))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _put(client: TestClient, attempt: int, item: int, body: dict[str, str]) -> Any:
    return client.put(f"/api/attempts/{attempt}/items/{item}", json=body, headers=_h(client))


def test_start_save_read_submit_and_scorecard(logged_in: TestClient, clock: ManualClock) -> None:
    created = _start(logged_in)
    assert set(created) == {"attempt_id", "deadline_at", "items"}
    assert datetime.fromisoformat(created["deadline_at"]) == clock.now() + timedelta(minutes=10)
    kinds = [(i["kind"], "question_id" in i, "kata_id" in i) for i in created["items"]]
    assert kinds == [("concept", True, False)] * 2 + [("kata", False, True)]
    attempt = created["attempt_id"]
    concept = next(i for i in created["items"] if i.get("question_id") == "lstm")["item_id"]
    kata = created["items"][2]["item_id"]

    clock.advance(seconds=30)
    assert (
        _put(logged_in, attempt, concept, {"answer": "Long Short-Term Memory"}).status_code == 200
    )
    assert _put(logged_in, attempt, kata, {"source": RIGHT}).status_code == 200
    read = logged_in.get(f"/api/attempts/{attempt}").json()
    assert read["state"] == "in_progress"
    assert datetime.fromisoformat(read["server_now"]) == clock.now()
    by_id = {i["item_id"]: i for i in read["items"]}
    assert by_id[concept]["answer"] == "Long Short-Term Memory" and "source" not in by_id[concept]
    assert by_id[kata]["source"] == RIGHT and "answer" not in by_id[kata]

    early = logged_in.get(f"/api/attempts/{attempt}/scorecard")
    assert early.status_code == 409
    submitted = logged_in.post(f"/api/attempts/{attempt}/submit", headers=_h(logged_in))
    assert submitted.status_code == 202
    assert _put(logged_in, attempt, concept, {"answer": "changed"}).status_code == 409
    for _ in range(120):  # the kata grades on the real engine
        card = logged_in.get(f"/api/attempts/{attempt}/scorecard")
        if card.status_code == 200:
            break
        time.sleep(0.5)
    body = card.json()
    assert body["state"] == "graded"
    assert body["max_score"] == 4.0
    items = {i["item_id"]: i for i in body["items"]}
    assert items[concept]["score"] == 1.0
    assert items[concept]["covered_key_points"] == ["Long Short-Term Memory"]
    assert items[concept]["missed_key_points"] == []
    assert items[kata]["verdict"] == "passed" and items[kata]["score"] == 2.0
    assert body["score"] == 3.0
    assert {"item_id", "score", "max_score", "seconds_spent"} <= set(items[kata])
    history = logged_in.get("/api/submissions?kata_id=intersection").json()
    assert [h["kind"] for h in history] == ["submit"]  # the kata history shows the mock's code


def test_a_write_one_second_after_the_deadline_is_refused_and_changes_nothing(
    logged_in: TestClient, clock: ManualClock
) -> None:
    created = _start(logged_in, {"minutes": 1, "concepts": 1, "katas": 0, "topics": ["rnn"]})
    attempt, item = created["attempt_id"], created["items"][0]["item_id"]
    assert _put(logged_in, attempt, item, {"answer": "saved in time"}).status_code == 200
    clock.set(datetime.fromisoformat(created["deadline_at"]))
    assert _put(logged_in, attempt, item, {"answer": "just in time"}).status_code == 200
    clock.advance(seconds=1)
    late = _put(logged_in, attempt, item, {"answer": "one second late"})
    assert late.status_code == 409
    assert "deadline" in late.json()["detail"] or "submitted" in late.json()["detail"]
    read = logged_in.get(f"/api/attempts/{attempt}").json()
    assert read["items"][0]["answer"] == "just in time"
    assert read["state"] == "graded"  # submitted on the request that found it expired
    card = logged_in.get(f"/api/attempts/{attempt}/scorecard").json()
    assert card["items"][0]["score"] == 0.0


def test_another_users_attempt_is_not_found(
    client: TestClient, make_user: Callable[..., User], clock: ManualClock
) -> None:
    make_user("alice")
    make_user("mallory")
    login(client, "alice")
    created = _start(client)
    attempt, item = created["attempt_id"], created["items"][0]["item_id"]
    client.post("/logout", headers=_h(client))
    client.cookies.clear()
    login(client, "mallory")
    for response in (
        client.get(f"/api/attempts/{attempt}"),
        client.get(f"/api/attempts/{attempt}/scorecard"),
        _put(client, attempt, item, {"answer": "mine now"}),
        client.post(f"/api/attempts/{attempt}/submit", headers=_h(client)),
    ):
        assert response.status_code == 404, response.text
    assert client.get("/api/attempts/999999").status_code == 404


def test_an_item_of_another_attempt_is_not_found(logged_in: TestClient, clock: ManualClock) -> None:
    first = _start(logged_in, {"minutes": 5, "concepts": 1, "katas": 0, "topics": ["rnn"]})
    logged_in.post(f"/api/attempts/{first['attempt_id']}/abandon", headers=_h(logged_in))
    second = _start(logged_in, {"minutes": 5, "concepts": 1, "katas": 0, "topics": ["rnn"]})
    response = _put(logged_in, second["attempt_id"], first["items"][0]["item_id"], {"answer": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({**MIXED, "topics": ["astrology"]}, "astrology"),
        ({**MIXED, "concepts": 0, "katas": 0}, "at least one item"),
        ({**MIXED, "minutes": 0}, "minutes"),
        ({**MIXED, "minutes": 181}, "minutes"),
        ({**MIXED, "difficulty": "brutal"}, "brutal"),
    ],
)
def test_mocks_that_cannot_be_built_say_why_and_store_nothing(
    logged_in: TestClient, clock: ManualClock, body: dict[str, Any], expected: str
) -> None:
    response = logged_in.post("/api/mocks", json=body, headers=_h(logged_in))
    assert response.status_code == 422
    assert expected in response.json()["detail"]
    assert logged_in.get("/api/mocks").json() == []


def test_malformed_bodies_are_refused(logged_in: TestClient, clock: ManualClock) -> None:
    created = _start(logged_in)
    attempt = created["attempt_id"]
    concept, kata = created["items"][0]["item_id"], created["items"][2]["item_id"]
    for item, body in (
        (concept, {}),
        (concept, {"answer": "a", "source": "b"}),
        (concept, {"source": "concepts take an answer"}),
        (kata, {"answer": "katas take source"}),
        (concept, {"answer": "x" * 10_001}),
    ):
        response = _put(logged_in, attempt, item, body)
        assert response.status_code in (400, 422), (body, response.text)
    read = logged_in.get(f"/api/attempts/{attempt}").json()
    assert read["items"][0]["answer"] == ""


def test_one_mock_at_a_time(logged_in: TestClient, clock: ManualClock) -> None:
    first = _start(logged_in)
    again = logged_in.post("/api/mocks", json=MIXED, headers=_h(logged_in))
    assert again.status_code == 409
    assert again.json()["attempt_id"] == first["attempt_id"]
    abandoned = logged_in.post(
        f"/api/attempts/{first['attempt_id']}/abandon", headers=_h(logged_in)
    )
    assert abandoned.json()["state"] == "abandoned"
    assert _start(logged_in)["attempt_id"] != first["attempt_id"]


def test_writes_need_the_csrf_header(logged_in: TestClient, clock: ManualClock) -> None:
    assert logged_in.post("/api/mocks", json=MIXED).status_code == 403
    created = _start(logged_in)
    attempt, item = created["attempt_id"], created["items"][0]["item_id"]
    response = logged_in.put(f"/api/attempts/{attempt}/items/{item}", json={"answer": "x"})
    assert response.status_code == 403


def test_the_api_needs_a_login(client: TestClient) -> None:
    for method, path in (
        ("GET", "/api/mocks"),
        ("GET", "/api/attempts/1"),
        ("GET", "/api/attempts/1/scorecard"),
    ):
        assert client.request(method, path).status_code == 401


def test_the_schema_documents_the_attempts_api(logged_in: TestClient) -> None:
    schema = logged_in.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert "post" in paths["/api/mocks"]
    assert "get" in paths["/api/attempts/{attempt_id}"]
    assert "put" in paths["/api/attempts/{attempt_id}/items/{item_id}"]
    assert "post" in paths["/api/attempts/{attempt_id}/submit"]
    assert "get" in paths["/api/attempts/{attempt_id}/scorecard"]
    put = paths["/api/attempts/{attempt_id}/items/{item_id}"]["put"]
    assert {"404", "409"} <= set(put["responses"])
    created = schema["components"]["schemas"]["MockCreated"]["properties"]
    assert set(created) == {"attempt_id", "deadline_at", "items"}
