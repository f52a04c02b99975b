"""The hiring manager's pages on a real app: building a set with the picker and a pool,
publishing, inviting one and many, the candidates table, a candidate's report with playback
and the diff against the starter, decisions and overrides, similarity review with the
matching regions marked, and another manager's pages being 404."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine

from server.clock import ManualClock
from server.hiring import similarity_runs
from server.models import Role, User
from tests.factories import RecordingQueue, csrf_token, login, one, page, post_form, text
from tests.hiring.test_hiring_api import COPIED, RENAMED

pytestmark = pytest.mark.usefixtures("sample_bank")


@pytest.fixture
def clock(app: FastAPI, client: TestClient) -> ManualClock:
    clock = ManualClock(datetime(2027, 1, 10, 9, 0, tzinfo=UTC))
    app.state.clock = clock
    return clock


@pytest.fixture
def manager(
    client: TestClient, app: FastAPI, make_user: Callable[..., User], clock: ManualClock
) -> TestClient:
    app.state.grading = RecordingQueue()
    make_user("maria", role=Role.manager)
    login(client, "maria")
    return client


def _go(client: TestClient, path: str, data: dict[str, str]) -> Response:
    """Post a form as a browser does, and follow its redirect."""
    response = post_form(client, path, data)
    if response.status_code == 303:
        return client.get(response.headers["location"])
    return response


def _build_set(client: TestClient) -> str:
    created = _go(client, "/manage/sets", {"title": "Round one"})
    set_url = created.url.path
    assert set_url.startswith("/manage/sets/")
    found = page(client.get(set_url, params={"q": "intersection", "kind": "kata"}))
    assert [n.attributes["value"] for n in found.css("#found input[name=ref_ids]")] == [
        "intersection"
    ]
    _go(
        client, set_url, {"action": "add", "kind": "kata", "ref_ids": "intersection", "points": "3"}
    )
    _go(
        client,
        set_url,
        {"action": "add", "kind": "concept", "ref_ids": "lstm, attention-mean", "points": "1"},
    )
    _go(client, set_url, {"action": "up", "index": "1"})
    items = page(client.get(set_url)).css("#set-items > li")
    assert [i.attributes["data-kind"] for i in items] == ["concept", "kata"]
    assert "Pool" in items[0].text()
    bad = _go(client, set_url, {"action": "add", "kind": "kata", "ref_ids": "nope"})
    assert "no kata with id 'nope'" in text(page(bad), ".form-error")
    return set_url


def _publish(client: TestClient, set_url: str, clock: ManualClock) -> str:
    published = _go(
        client,
        "/manage/assessments",
        {
            "set_id": set_url.rsplit("/", 1)[1],
            "title": "Round one",
            "minutes": "30",
            "opens_at": clock.now().strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (clock.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert published.url.path.startswith("/manage/assessments/")
    return published.url.path


def test_a_manager_runs_a_round_through_the_pages(
    manager: TestClient, app: FastAPI, clock: ManualClock, engine: Engine
) -> None:
    set_url = _build_set(manager)
    assessment_url = _publish(manager, set_url, clock)
    invited = page(
        _go(
            manager,
            f"{assessment_url}/invitations",
            {"bulk": "name,email\nAnn,ann@example.com\nBen,ben@example.com\n"},
        )
    )
    links = [n.attributes["value"] or "" for n in invited.css("#new-links input")]
    assert len(links) == 2 and all("/take/" in link for link in links)
    # Links are shown once: the page does not show them again.
    assert not page(manager.get(assessment_url)).css("#new-links")

    candidate = TestClient(app)
    for link, source in zip(links, (COPIED, RENAMED), strict=True):
        token = link.rsplit("/take/", 1)[1]
        view = candidate.post(f"/api/take/{token}/start", json={"name": "x"}).json()
        kata = next(i for i in view["items"] if i["kind"] == "kata")["item_id"]
        candidate.put(
            f"/api/take/{token}/items/{kata}", json={"source": "def intersection(a, b):\n"}
        )
        candidate.put(f"/api/take/{token}/items/{kata}", json={"source": source})
        candidate.post(f"/api/take/{token}/submit")

    pending = page(manager.get(assessment_url))
    assert "pending" in text(pending, "#similarity-pending") and not pending.css("#flags")
    for (
        attempt_id
    ) in app.state.grading.similarity_ids:  # the similarity jobs, as a worker runs them
        similarity_runs.run(attempt_id, engine=engine, katas=app.state.catalog.katas)
    report = page(manager.get(assessment_url))
    assert not report.css("#similarity-pending")
    assert [n.text() for n in report.css("#candidates .status")] == ["submitted", "submitted"]
    flag_link = report.css_first("#flags a")
    assert flag_link is not None
    flag = page(manager.get(flag_link.attributes["href"] or ""))
    marked = "".join(n.text() for n in flag.css("mark"))
    assert "sorted(set(" in marked
    _go(manager, flag_link.attributes["href"] or "", {"status": "confirmed", "note": ""})
    assert "confirmed" in text(page(manager.get(assessment_url)), "#flags li")

    candidate_link = one(report, "#candidates tbody a").attributes["href"] or ""
    detail = page(manager.get(candidate_link))
    history = detail.css_first("script[type='application/json']")
    assert history is not None and "def intersection(a, b):" in history.text()
    assert detail.css(".diff .add")
    _go(manager, f"{candidate_link}/decision", {"decision": "hold", "notes": "ask about it"})
    assert "hold" in text(page(manager.get(candidate_link)), "#current-decision")


def test_other_managers_and_candidates_cannot_reach_the_pages(
    manager: TestClient, make_user: Callable[..., User], clock: ManualClock
) -> None:
    set_url = _build_set(manager)
    assessment_url = _publish(manager, set_url, clock)
    make_user("moses", role=Role.manager)
    make_user("cory")
    login(manager, "moses")
    set_id, assessment_id = set_url.rsplit("/", 1)[1], assessment_url.rsplit("/", 1)[1]
    exports = (f"/api/assessments/{assessment_id}/report.csv", f"/api/sets/{set_id}/export")
    for path in (set_url, assessment_url, *exports):
        assert manager.get(path).status_code == 404, path
    assert not page(manager.get("/manage/sets")).css("#sets")
    login(manager, "cory")
    assert manager.get("/manage/sets").status_code == 403
    assert csrf_token(manager)
