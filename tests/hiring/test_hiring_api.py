"""The hiring API end to end on a real app and database: sets with pools, assessments,
invitations, the candidate's token API (window, deadline formula, 409 late, 404 for wrong,
revoked or expired links), reports with similarity flags, decisions, overrides, CSV, and
deleting a candidate's data. The server's clock is a ManualClock the test moves.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import threading
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session, select

from server.attempts.models import AnswerSnapshot, Attempt
from server.clock import ManualClock
from server.hiring import sets, similarity, similarity_runs
from server.hiring.models import AuditEntry, Invitation, ItemFingerprint
from server.models import Role, Submission, User
from tests.factories import RIGHT, SAMPLE_BANK, RecordingQueue, login

pytestmark = pytest.mark.usefixtures("sample_bank")

COPIED = """\
def intersection(first, second):
    # sort both and walk them together
    a = sorted(set(first))
    b = sorted(set(second))
    i = j = 0
    common = set()
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            common.add(a[i])
            i += 1
            j += 1
        elif a[i] < b[j]:
            i += 1
        else:
            j += 1
    order = []
    for value in first:
        if value in common and value not in order:
            order.append(value)
    return order
"""
# COPIED with every name changed, the comment gone and the layout changed.
RENAMED = """\
def intersection(xs, ys):
    left = sorted(set(xs)); right = sorted(set(ys))
    p = q = 0
    both = set()
    while p < len(left) and q < len(right):
        if left[p] == right[q]:
            both.add(left[p]); p += 1; q += 1
        elif left[p] < right[q]: p += 1
        else: q += 1
    out = []
    for v in xs:
        if v in both and v not in out: out.append(v)
    return out
"""
SET_BODY: dict[str, Any] = {
    "title": "ML engineer, round 1",
    "items": [
        {"kind": "concept", "question_id": "lstm", "points": 1},
        {"kind": "concept", "pool": ["attention-mean", "transfer-learning"], "points": 2},
        {"kind": "kata", "kata_id": "intersection", "points": 3, "section": "Coding"},
    ],
}


@pytest.fixture
def clock(app: FastAPI, client: TestClient) -> ManualClock:
    clock = ManualClock(datetime(2027, 1, 10, 9, 0, tzinfo=UTC))
    app.state.clock = clock
    return clock


@pytest.fixture
def queue(app: FastAPI, client: TestClient) -> RecordingQueue:
    """Kata gradings are recorded, not run: these tests are about the hiring rules."""
    queue = RecordingQueue()
    app.state.grading = queue
    return queue


@pytest.fixture
def manager(client: TestClient, make_user: Callable[..., User]) -> TestClient:
    make_user("maria", role=Role.manager)
    login(client, "maria")
    return client


def _h(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": client.get("/api/session").json()["csrf_token"]}


def _post(client: TestClient, path: str, body: Any) -> Any:
    return client.post(path, json=body, headers=_h(client))


def _assessment(client: TestClient, clock: ManualClock, **overrides: Any) -> int:
    set_id = _post(client, "/api/sets", SET_BODY).json()["set_id"]
    body = {
        "set_id": set_id,
        "title": "Round 1",
        "minutes": 30,
        "opens_at": clock.now().isoformat(),
        "closes_at": (clock.now() + timedelta(days=2)).isoformat(),
        **overrides,
    }
    response = _post(client, "/api/assessments", body)
    assert response.status_code == 201, response.text
    assessment_id: int = response.json()["assessment_id"]
    return assessment_id


def _invite(client: TestClient, assessment_id: int, **body: Any) -> tuple[int, str]:
    response = _post(
        client, f"/api/assessments/{assessment_id}/invitations", {"name": "Ada", **body}
    )
    assert response.status_code == 201, response.text
    created = response.json()
    token = created["url"].rsplit("/take/", 1)[1]
    return created["invitation_id"], token


def _anonymous(app: FastAPI) -> TestClient:
    """A client with no cookies at all: the candidate's side."""
    return TestClient(app)


def test_a_set_with_a_pool_and_bad_sets_refused_with_the_item_named(
    manager: TestClient,
) -> None:
    created = _post(manager, "/api/sets", SET_BODY)
    assert created.status_code == 201
    read = manager.get(f"/api/sets/{created.json()['set_id']}").json()
    assert read["items"][1]["ref_ids"] == ["attention-mean", "transfer-learning"]

    unknown = {"title": "x", "items": [{"kind": "kata", "kata_id": "no_such_kata"}]}
    refused = _post(manager, "/api/sets", unknown)
    assert refused.status_code == 422
    assert "Item 1" in refused.json()["detail"] and "no_such_kata" in refused.json()["detail"]
    assert _post(manager, "/api/sets", {"title": "x", "items": []}).status_code == 400
    both = {"title": "x", "items": [{"kind": "kata", "kata_id": "intersection", "pool": ["a"]}]}
    assert _post(manager, "/api/sets", both).status_code == 400  # malformed, not just invalid
    assert len(manager.get("/api/sets").json()) == 1


def test_sets_export_and_import_as_toml(manager: TestClient) -> None:
    set_id = _post(manager, "/api/sets", SET_BODY).json()["set_id"]
    exported = manager.get(f"/api/sets/{set_id}/export")
    assert exported.headers["content-type"].startswith("application/toml")
    items = tomllib.loads(exported.text)["items"]
    assert items[0] == {"kind": "concept", "id": "lstm", "points": 1.0}
    assert items[1]["pool"] == ["attention-mean", "transfer-learning"]
    imported = manager.post(
        "/api/sets/import",
        content=exported.text.encode(),
        headers={**_h(manager), "content-type": "application/toml"},
    )
    assert imported.status_code == 201
    again = manager.get(f"/api/sets/{imported.json()['set_id']}").json()
    assert again["items"] == manager.get(f"/api/sets/{set_id}").json()["items"]
    broken = manager.post(
        "/api/sets/import",
        content=b'format = 1\ntitle = "t"\n[[items]]\nkind = "kata"\nbogus = 1\n',
        headers={**_h(manager), "content-type": "application/toml"},
    )
    assert broken.status_code == 422 and "bogus" in broken.json()["detail"]


def test_importing_a_set_saves_it_off_the_event_loop(
    manager: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_loop: list[bool] = []
    real = sets.create_set

    def noting_the_thread(**kwargs: Any) -> Any:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:  # no event loop runs in this thread
            on_loop.append(False)
        return real(**kwargs)

    monkeypatch.setattr(sets, "create_set", noting_the_thread)
    imported = manager.post(
        "/api/sets/import",
        content=b'format = 1\ntitle = "t"\n[[items]]\nkind = "kata"\nid = "intersection"\n',
        headers={**_h(manager), "content-type": "application/toml"},
    )
    assert imported.status_code == 201, imported.text
    assert on_loop == [False]


def test_only_managers_and_only_their_own(
    client: TestClient, app: FastAPI, make_user: Callable[..., User], clock: ManualClock
) -> None:
    make_user("maria", role=Role.manager)
    make_user("moses", role=Role.manager)
    make_user("cory")
    make_user("root", role=Role.admin)
    login(client, "maria")
    assessment_id = _assessment(client, clock)
    set_id = client.get("/api/sets").json()[0]["set_id"]

    login(client, "moses")
    for path in (
        f"/api/sets/{set_id}",
        f"/api/sets/{set_id}/export",
        f"/api/assessments/{assessment_id}/report",
        f"/api/assessments/{assessment_id}/report.csv",
    ):
        assert client.get(path).status_code == 404, path
    invite = _post(client, f"/api/assessments/{assessment_id}/invitations", {"name": "x"})
    assert invite.status_code == 404
    assert client.get("/api/sets").json() == []

    login(client, "cory")
    assert client.get(f"/api/assessments/{assessment_id}/report").status_code == 403
    login(client, "root")
    assert client.get(f"/api/assessments/{assessment_id}/report").status_code == 200


def test_assessment_times_need_a_zone_and_a_sane_window(
    manager: TestClient, clock: ManualClock
) -> None:
    set_id = _post(manager, "/api/sets", SET_BODY).json()["set_id"]
    base = {"set_id": set_id, "title": "R", "minutes": 30}
    naive = {**base, "opens_at": "2027-01-10T09:00:00", "closes_at": "2027-01-11T09:00:00Z"}
    assert "zone" in _post(manager, "/api/assessments", naive).json()["detail"]
    backwards = {**base, "opens_at": "2027-01-11T09:00Z", "closes_at": "2027-01-10T10:00Z"}
    assert _post(manager, "/api/assessments", backwards).status_code == 422
    too_long = {
        **base,
        "minutes": 10_000,
        "opens_at": "2027-01-10T09:00Z",
        "closes_at": "2027-01-11T09:00Z",
    }
    assert _post(manager, "/api/assessments", too_long).status_code == 400  # out of schema


def test_the_candidate_takes_it_with_nothing_but_the_link(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue, engine: Engine
) -> None:
    assessment_id = _assessment(manager, clock)
    invitation_id, token = _invite(manager, assessment_id, email="ada@example.com")
    candidate = _anonymous(app)

    before = candidate.get(f"/api/take/{token}").json()
    assert before["state"] == "not_started" and before["items"] == []
    assert before["minutes"] == 30
    started = candidate.post(f"/api/take/{token}/start", json={"name": "Ada L."})
    assert started.status_code == 200, started.text
    view = started.json()
    assert view["state"] == "in_progress"
    assert datetime.fromisoformat(view["deadline_at"]) == clock.now() + timedelta(minutes=30)
    kinds = [item["kind"] for item in view["items"]]
    assert kinds == ["concept", "concept", "kata"]
    pooled = view["items"][1]["title"]
    assert pooled in {SAMPLE_BANK[q]["prompt"] for q in ("attention-mean", "transfer-learning")}
    # Starting again (a second tab) is the same attempt.
    again = candidate.post(f"/api/take/{token}/start", json={"name": "Ada"}).json()
    assert again["deadline_at"] == view["deadline_at"]

    lstm, _, kata = (item["item_id"] for item in view["items"])
    assert (
        candidate.put(
            f"/api/take/{token}/items/{lstm}", json={"answer": "Long Short-Term Memory"}
        ).status_code
        == 200
    )
    assert (
        candidate.put(f"/api/take/{token}/items/{kata}", json={"source": RIGHT}).status_code == 200
    )
    read = candidate.get(f"/api/take/{token}").json()
    assert read["items"][0]["answer"] == "Long Short-Term Memory"
    assert read["items"][2]["source"] == RIGHT

    clock.advance(minutes=30, seconds=1)
    late = candidate.put(f"/api/take/{token}/items/{lstm}", json={"answer": "more"})
    assert late.status_code == 409
    assert candidate.get(f"/api/take/{token}").json()["state"] == "submitted"
    with Session(engine) as session:
        invitation = session.get(Invitation, invitation_id)
        assert invitation is not None and invitation.attempt_id is not None
        attempt = session.get(Attempt, invitation.attempt_id)
        assert attempt is not None and attempt.kind == "assessment"
        bodies = session.exec(select(AnswerSnapshot.body)).all()
        assert "more" not in bodies and "Long Short-Term Memory" in bodies
    assert len(queue.ids) == 1  # the kata went to the grading queue

    report = manager.get(f"/api/assessments/{assessment_id}/report").json()
    (row,) = report["candidates"]
    assert row["name"] == "Ada L." and row["status"] == "submitted"
    assert row["seconds_used"] == 30 * 60


def test_the_window_and_the_deadline_formula(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue
) -> None:
    opens = clock.now() + timedelta(hours=1)
    closes = opens + timedelta(hours=2)
    assessment_id = _assessment(
        manager, clock, opens_at=opens.isoformat(), closes_at=closes.isoformat()
    )
    _, plain = _invite(manager, assessment_id)
    _, extra = _invite(manager, assessment_id, name="Bo", extra_minutes=10)
    _, percent = _invite(manager, assessment_id, name="Cy", extra_percent=50)
    candidate = _anonymous(app)

    early = candidate.post(f"/api/take/{plain}/start", json={"name": "A"})
    assert early.status_code == 409 and "opens at" in early.json()["detail"]

    clock.set(opens)
    started = candidate.post(f"/api/take/{extra}/start", json={"name": "Bo"}).json()
    assert datetime.fromisoformat(started["deadline_at"]) == opens + timedelta(minutes=40)
    # Starting 10 minutes before the close: the close caps the limit (stretched by 50% of 30).
    clock.set(closes - timedelta(minutes=10))
    late_start = candidate.post(f"/api/take/{percent}/start", json={"name": "Cy"}).json()
    assert datetime.fromisoformat(late_start["deadline_at"]) == closes + timedelta(minutes=15)
    clock.set(closes + timedelta(seconds=1))
    closed = candidate.post(f"/api/take/{plain}/start", json={"name": "A"})
    assert closed.status_code == 404  # the link expired with the window, never started


def test_wrong_revoked_and_expired_links_are_all_not_found(
    manager: TestClient, app: FastAPI, clock: ManualClock
) -> None:
    assessment_id = _assessment(manager, clock)
    invitation_id, token = _invite(manager, assessment_id)
    _, short = _invite(
        manager,
        assessment_id,
        name="Eve",
        expires_at=(clock.now() + timedelta(hours=1)).isoformat(),
    )
    candidate = _anonymous(app)
    wrong = candidate.get("/api/take/" + "x" * 43)
    revoke = manager.post(
        f"/api/assessments/{assessment_id}/invitations/{invitation_id}/revoke", headers=_h(manager)
    )
    assert revoke.status_code == 204
    revoked = candidate.get(f"/api/take/{token}")
    clock.advance(hours=2)
    expired = candidate.get(f"/api/take/{short}")
    assert wrong.status_code == revoked.status_code == expired.status_code == 404
    assert wrong.json() == revoked.json() == expired.json()
    statuses = {
        row["name"]: row["status"]
        for row in manager.get(f"/api/assessments/{assessment_id}/report").json()["candidates"]
    }
    assert statuses == {"Ada": "revoked", "Eve": "expired"}


def test_the_candidate_never_receives_answers_key_points_or_scores(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue
) -> None:
    assessment_id = _assessment(manager, clock)
    _, token = _invite(manager, assessment_id)
    candidate = _anonymous(app)
    seen = [candidate.get(f"/api/take/{token}").text]
    seen.append(candidate.post(f"/api/take/{token}/start", json={"name": "Ada"}).text)
    seen.append(candidate.post(f"/api/take/{token}/submit").text)
    seen.append(candidate.get(f"/api/take/{token}").text)
    secrets = [SAMPLE_BANK["lstm"]["answer"], *SAMPLE_BANK["lstm"]["key_points"], "tests_hidden"]
    for body in seen:
        data = json.loads(body)
        assert "score" not in body and "key_points" not in body
        for secret in secrets:
            assert secret not in body
        assert data.get("state") in {"not_started", "in_progress", "submitted"}


def test_copied_kata_code_is_flagged_for_review_and_reviewed_by_a_person(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue, engine: Engine
) -> None:
    assessment_id = _assessment(manager, clock)
    names = ("Ann", "Ben", "Cat")
    tokens = [_invite(manager, assessment_id, name=name)[1] for name in names]
    sources = [COPIED, RENAMED, RIGHT]
    candidate = _anonymous(app)
    for name, token, source in zip(names, tokens, sources, strict=True):
        items = candidate.post(f"/api/take/{token}/start", json={"name": name}).json()["items"]
        kata = items[2]["item_id"]
        candidate.put(f"/api/take/{token}/items/{kata}", json={"source": source})
        assert candidate.post(f"/api/take/{token}/submit").status_code == 202

    waiting = manager.get(f"/api/assessments/{assessment_id}/report").json()
    assert waiting["similarity_pending"] is True and waiting["similar_pairs"] == []
    _run_similarity(app, engine, queue)
    report = manager.get(f"/api/assessments/{assessment_id}/report").json()
    assert report["similarity_pending"] is False
    (pair,) = report["similar_pairs"]
    ids = {row["name"]: row["invitation_id"] for row in report["candidates"]}
    assert {pair["a"], pair["b"]} == {ids["Ann"], ids["Ben"]}
    assert pair["kata_id"] == "intersection" and pair["similarity"] >= 0.9
    flags = {row["name"]: row["flags"] for row in report["candidates"]}
    assert flags == {"Ann": 1, "Ben": 1, "Cat": 0}

    dismissed = manager.put(
        f"/api/assessments/{assessment_id}/flags/{pair['flag_id']}",
        json={"status": "dismissed", "note": "a common idiom"},
        headers=_h(manager),
    )
    assert dismissed.status_code == 204
    after = manager.get(f"/api/assessments/{assessment_id}/report").json()
    assert after["similar_pairs"][0]["status"] == "dismissed"
    assert all(row["flags"] == 0 for row in after["candidates"])
    with Session(engine) as session:
        actions = session.exec(select(AuditEntry.action)).all()
    assert actions == ["similarity_review"]


def _run_similarity(app: FastAPI, engine: Engine, queue: RecordingQueue) -> list[int]:
    """Run the similarity jobs the submissions queued, as a worker would; what each stored."""
    katas = app.state.catalog.katas
    return [similarity_runs.run(i, engine=engine, katas=katas) for i in queue.similarity_ids]


def _submit_three(manager: TestClient, app: FastAPI, assessment_id: int) -> list[int]:
    """Ann and Ben hand in one solution renamed, Cat her own; their invitation ids."""
    return [
        _hand_in(manager, app, assessment_id, name, source)
        for name, source in (("Ann", COPIED), ("Ben", RENAMED), ("Cat", RIGHT))
    ]


def _hand_in(manager: TestClient, app: FastAPI, assessment_id: int, name: str, source: str) -> int:
    """A new candidate submits `source` for the kata; their invitation id."""
    candidate = _anonymous(app)
    invitation_id, token = _invite(manager, assessment_id, name=name)
    items = candidate.post(f"/api/take/{token}/start", json={"name": name}).json()["items"]
    candidate.put(f"/api/take/{token}/items/{items[2]['item_id']}", json={"source": source})
    assert candidate.post(f"/api/take/{token}/submit").status_code == 202
    return invitation_id


def test_reading_reports_and_flags_fingerprints_nothing(
    manager: TestClient,
    app: FastAPI,
    clock: ManualClock,
    queue: RecordingQueue,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessment_id = _assessment(manager, clock)
    _submit_three(manager, app, assessment_id)
    assessment_url = f"/manage/assessments/{assessment_id}"
    assert "Similarity check pending" in manager.get(assessment_url).text
    assert len(queue.similarity_ids) == 3  # one run per submitted attempt
    made: list[str] = []
    real = similarity.fingerprint

    def counted(source: str) -> similarity.Fingerprint:
        made.append(source)
        return real(source)

    monkeypatch.setattr(similarity, "fingerprint", counted)
    # The first run fingerprints all three final answers; the others find nothing left to do.
    assert _run_similarity(app, engine, queue) == [3, 0, 0]
    assert made.count(COPIED) == 1 and made.count(RENAMED) == 1 and made.count(RIGHT) == 1
    # The kata's starter and reference are fingerprinted once at most, not once per answer.
    kata = app.state.catalog.katas["intersection"]
    assert made.count(kata.starter) <= 1 and made.count(kata.reference) <= 1

    made.clear()
    report = manager.get(f"/api/assessments/{assessment_id}/report").json()
    page = manager.get(assessment_url).text
    flag_page = manager.get(f"{assessment_url}/flags/{report['similar_pairs'][0]['flag_id']}")
    assert made == []
    assert "Similarity check pending" not in page and 'id="flags"' in page
    assert flag_page.status_code == 200 and "<mark>" in flag_page.text


def test_a_similarity_run_again_changes_nothing(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue, engine: Engine
) -> None:
    assessment_id = _assessment(manager, clock)
    ann, ben, _ = _submit_three(manager, app, assessment_id)
    with Session(engine) as session:  # what a web start-up queues again (none has run yet)
        assert sorted(similarity_runs.unfinished(session=session)) == sorted(queue.similarity_ids)
    _run_similarity(app, engine, queue)
    first = manager.get(f"/api/assessments/{assessment_id}/report").json()
    with Session(engine) as session:
        stored = sorted((f.item_id, f.made_at) for f in session.exec(select(ItemFingerprint)))
        assert similarity_runs.unfinished(session=session) == []

    assert _run_similarity(app, engine, queue) == [0, 0, 0]  # a retried job, say
    again = manager.get(f"/api/assessments/{assessment_id}/report").json()
    assert again == first
    with Session(engine) as session:
        assert (
            sorted((f.item_id, f.made_at) for f in session.exec(select(ItemFingerprint))) == stored
        )
    (pair,) = again["similar_pairs"]
    assert {pair["a"], pair["b"]} == {ann, ben}

    # The candidate's fingerprints go with the rest of their data, and their flags.
    assert (
        manager.delete(
            f"/api/assessments/{assessment_id}/candidates/{ann}", headers=_h(manager)
        ).status_code
        == 204
    )
    with Session(engine) as session:
        assert len(session.exec(select(ItemFingerprint)).all()) == 2
    assert manager.get(f"/api/assessments/{assessment_id}/report").json()["similar_pairs"] == []


def test_a_run_with_nothing_new_to_fingerprint_writes_nothing(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue, engine: Engine
) -> None:
    _submit_three(manager, app, _assessment(manager, clock))
    _run_similarity(app, engine, queue)
    writes: list[str] = []

    def note_write(*args: Any) -> None:
        statement = args[2].lstrip().upper()
        if statement.startswith(("INSERT", "UPDATE", "DELETE")):
            writes.append(statement)

    event.listen(engine, "before_cursor_execute", note_write)
    try:
        assert _run_similarity(app, engine, queue) == [0, 0, 0]
    finally:
        event.remove(engine, "before_cursor_execute", note_write)
    assert writes == []  # not even the assessment's lock


def test_each_new_print_is_compared_with_every_one_stored_before(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue, engine: Engine
) -> None:
    assessment_id = _assessment(manager, clock)
    report_url = f"/api/assessments/{assessment_id}/report"
    katas = app.state.catalog.katas

    def hand_in_and_run(name: str, source: str) -> int:
        invitation_id = _hand_in(manager, app, assessment_id, name, source)
        assert similarity_runs.run(queue.similarity_ids[-1], engine=engine, katas=katas) == 1
        return invitation_id

    ann = hand_in_and_run("Ann", COPIED)
    assert manager.get(report_url).json()["similar_pairs"] == []
    ben = hand_in_and_run("Ben", RENAMED)
    (first,) = manager.get(report_url).json()["similar_pairs"]
    dismissed = manager.put(
        f"/api/assessments/{assessment_id}/flags/{first['flag_id']}",
        json={"status": "dismissed"},
        headers=_h(manager),
    )
    assert dismissed.status_code == 204
    cat = hand_in_and_run("Cat", COPIED)
    pairs = {
        frozenset((pair["a"], pair["b"])): pair
        for pair in manager.get(report_url).json()["similar_pairs"]
    }
    assert set(pairs) == {frozenset(p) for p in ((ann, ben), (ann, cat), (ben, cat))}
    # The pair compared in an earlier run keeps its flag, and the reviewer's word on it.
    assert pairs[frozenset((ann, ben))] == {**first, "status": "dismissed"}


def test_two_runs_at_once_compare_the_prints_each_stores(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue, engine: Engine
) -> None:
    """Run A has read the stored prints and is fingerprinting Ann's answer when Ben submits and
    run B reads (Ann's print not yet stored); A stores Ann's, then B stores Ben's."""
    assessment_id = _assessment(manager, clock)
    katas = app.state.catalog.katas
    ann = _hand_in(manager, app, assessment_id, "Ann", COPIED)
    b_has_read, a_has_stored = threading.Event(), threading.Event()
    stored: dict[str, int] = {}
    ben: list[int] = []

    def run_b() -> None:
        stored["B"] = similarity_runs.run(queue.similarity_ids[-1], engine=engine, katas=katas)

    b = threading.Thread(target=run_b)
    real = similarity.fingerprint

    def interleaved(source: str) -> similarity.Fingerprint:
        if threading.current_thread() is b and not b_has_read.is_set():
            b_has_read.set()
            assert a_has_stored.wait(30)
        elif threading.current_thread() is not b and not ben:
            ben.append(_hand_in(manager, app, assessment_id, "Ben", RENAMED))
            b.start()
            assert b_has_read.wait(30)
        return real(source)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(similarity, "fingerprint", interleaved)
        try:
            stored["A"] = similarity_runs.run(queue.similarity_ids[0], engine=engine, katas=katas)
        finally:
            a_has_stored.set()
            if ben:
                b.join(30)
    assert stored == {"A": 1, "B": 1}
    pairs = manager.get(f"/api/assessments/{assessment_id}/report").json()["similar_pairs"]
    assert [{pair["a"], pair["b"]} for pair in pairs] == [{ann, ben[0]}]


def test_a_mock_interview_is_never_fingerprinted_or_compared(
    manager: TestClient,
    app: FastAPI,
    clock: ManualClock,
    queue: RecordingQueue,
    engine: Engine,
    make_user: Callable[..., User],
) -> None:
    """A mock interview (an attempt with no invitation) is the user's own practice, not the
    hiring team's to compare: even word for word a candidate's code, it is never printed."""
    _hand_in(manager, app, _assessment(manager, clock), "Ann", COPIED)
    (candidate_attempt,) = queue.similarity_ids
    make_user("alice")
    practising = _anonymous(app)
    login(practising, "alice")
    mock = _post(
        practising, "/api/mocks", {"minutes": 10, "concepts": 0, "katas": 1, "topics": ["sets"]}
    ).json()
    (kata,) = mock["items"]
    saved = practising.put(
        f"/api/attempts/{mock['attempt_id']}/items/{kata['item_id']}",
        json={"source": COPIED},
        headers=_h(practising),
    )
    assert saved.status_code == 200 and kata["kata_id"] == "intersection"
    submitted = practising.post(
        f"/api/attempts/{mock['attempt_id']}/submit", headers=_h(practising)
    )
    assert submitted.status_code == 202
    assert practising.get(f"/api/attempts/{mock['attempt_id']}").json()["state"] == "submitted"

    assert queue.similarity_ids == [candidate_attempt]  # no run is asked for the mock
    katas = app.state.catalog.katas
    assert similarity_runs.run(mock["attempt_id"], engine=engine, katas=katas) == 0
    with Session(engine) as session:
        assert session.exec(select(ItemFingerprint)).all() == []
        assert similarity_runs.unfinished(session=session) == [candidate_attempt]
    assert similarity_runs.run(candidate_attempt, engine=engine, katas=katas) == 1
    with Session(engine) as session:
        assert [f.item_id for f in session.exec(select(ItemFingerprint))] != [kata["item_id"]]
        assert similarity_runs.unfinished(session=session) == []


def test_decisions_overrides_csv_and_deleting_a_candidate(
    manager: TestClient, app: FastAPI, clock: ManualClock, queue: RecordingQueue, engine: Engine
) -> None:
    assessment_id = _assessment(manager, clock)
    invitation_id, token = _invite(manager, assessment_id, name="=cmd|' /C calc'!A0")
    candidate = _anonymous(app)
    items = candidate.post(f"/api/take/{token}/start", json={"name": "=HYPERLINK(1)"}).json()
    concept = items["items"][0]["item_id"]
    candidate.put(f"/api/take/{token}/items/{concept}", json={"answer": "Long Short-Term Memory"})
    candidate.post(f"/api/take/{token}/submit")
    base = f"/api/assessments/{assessment_id}/candidates/{invitation_id}"

    too_high = manager.put(f"{base}/items/{concept}/score", json={"score": 5}, headers=_h(manager))
    assert too_high.status_code == 400
    override = manager.put(
        f"{base}/items/{concept}/score", json={"score": 0.5, "note": "half"}, headers=_h(manager)
    )
    assert override.status_code == 204
    decision = manager.put(
        f"{base}/decision", json={"decision": "advance", "notes": "strong"}, headers=_h(manager)
    )
    assert decision.status_code == 204
    exported = manager.get(f"/api/assessments/{assessment_id}/report.csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows[0]["name"] == "'=HYPERLINK(1)"  # no formula runs in a spreadsheet
    # The blank kata and pooled question score 0 ungraded; the override replaces LSTM's 1.0.
    assert rows[0]["status"] == "graded" and rows[0]["score"] == "0.5"
    assert rows[0]["max_score"] == "6.0" and rows[0]["decision"] == "advance"

    deleted = manager.delete(base, headers=_h(manager))
    assert deleted.status_code == 204
    with Session(engine) as session:
        assert session.exec(select(Invitation)).all() == []
        assert session.exec(select(Attempt)).all() == []
        assert session.exec(select(AnswerSnapshot)).all() == []
        assert session.exec(select(Submission)).all() == []
        assert [u.username for u in session.exec(select(User)).all()] == ["maria"]
        actions = session.exec(select(AuditEntry.action)).all()
    assert actions == ["score_override", "decision", "candidate_deleted"]
    assert candidate.get(f"/api/take/{token}").status_code == 404


def test_the_hiring_routes_are_in_the_openapi_schema(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/sets",
        "/api/questions",
        "/api/questions/{question_id}/export",
        "/api/assessments",
        "/api/assessments/{assessment_id}/invitations",
        "/api/assessments/{assessment_id}/report",
        "/api/take/{token}",
        "/api/take/{token}/start",
        "/api/take/{token}/items/{item_id}",
        "/api/take/{token}/submit",
    ):
        assert path in paths, path


def test_run_grades_the_sample_tests_only_for_the_candidate(
    manager: TestClient, app: FastAPI, clock: ManualClock
) -> None:
    assessment_id = _assessment(manager, clock)
    _, token = _invite(manager, assessment_id)
    _, other = _invite(manager, assessment_id, name="Bo")
    candidate = _anonymous(app)
    items = candidate.post(f"/api/take/{token}/start", json={"name": "Ada"}).json()["items"]
    kata = items[2]["item_id"]
    queued = candidate.post(f"/api/take/{token}/items/{kata}/run", json={"source": RIGHT})
    assert queued.status_code == 202, queued.text
    run_id = queued.json()["submission_id"]
    for _ in range(120):  # graded by the real engine
        run = candidate.get(f"/api/take/{token}/runs/{run_id}").json()
        if run["status"] == "done":
            break
        time.sleep(0.5)
    assert run["verdict"] == "passed"
    names = [test["name"] for test in run["report"]["tests"]]
    assert names and all(name.startswith("tests_sample.py") for name in names)
    # The saved code is what ran; another candidate's link cannot read this run.
    assert candidate.get(f"/api/take/{token}").json()["items"][2]["source"] == RIGHT
    candidate.post(f"/api/take/{other}/start", json={"name": "Bo"})
    assert candidate.get(f"/api/take/{other}/runs/{run_id}").status_code == 404
