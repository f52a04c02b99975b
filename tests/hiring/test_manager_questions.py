"""Managers' own questions on a real app and database: written through the API and the set
editor, checked like bank files, exported as a question file, taken by a candidate and scored
on their key points, and private: another manager gets 404 and never finds them, and the public
bank (questions pages, search, flashcards, answer mode, mock composition) never shows them."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from server.attempts.sets import MockPlan, PlanError, compose
from server.bank.files import parse_question
from server.catalog import Catalog, load_catalog, sync_catalog
from server.clock import ManualClock
from server.config import Settings
from server.hiring import questions
from server.models import Question, Role, User
from tests.factories import RecordingQueue, login, page, post_form
from tests.hiring.test_hiring_api import _anonymous, _invite, _post
from tests.hiring.test_manage_pages import _go

pytestmark = pytest.mark.usefixtures("sample_bank")

MINE: dict[str, Any] = {
    "prompt": "Why does the softmax subtract the maximum logit?",
    "answer": "Because $e^x$ overflows: $\\mathrm{softmax}(x) = \\mathrm{softmax}(x - c)$.",
    "key_points": [
        "exponentials overflow for large logits",
        "subtracting a constant leaves the softmax unchanged",
    ],
    "topics": ["numerics"],
    "difficulty": "medium",
}


@pytest.fixture
def clock(app: FastAPI, client: TestClient) -> ManualClock:
    clock = ManualClock(datetime(2027, 1, 10, 9, 0, tzinfo=UTC))
    app.state.clock = clock
    app.state.grading = RecordingQueue()
    return clock


@pytest.fixture
def managers(client: TestClient, make_user: Callable[..., User]) -> TestClient:
    make_user("maria", role=Role.manager)
    make_user("moses", role=Role.manager)
    make_user("cory")
    login(client, "maria")
    return client


def _write(client: TestClient, **changes: Any) -> Any:
    return _post(client, "/api/questions", {**MINE, **changes})


def test_a_written_question_is_taken_scored_and_reported_on_its_key_points(
    managers: TestClient, app: FastAPI, clock: ManualClock
) -> None:
    created = _write(managers)
    assert created.status_code == 201, created.text
    qid = created.json()["question_id"]
    assert qid.startswith("mq-")
    body = {"title": "Numerics", "items": [{"kind": "concept", "question_id": qid, "points": 2}]}
    set_response = _post(managers, "/api/sets", body)
    assert set_response.status_code == 201, set_response.text
    set_id = set_response.json()["set_id"]
    assessment_id = _publish(managers, clock, set_id)
    invitation_id, token = _invite(managers, assessment_id)

    candidate = _anonymous(app)
    view = candidate.post(f"/api/take/{token}/start", json={"name": "Ada"}).json()
    (item,) = view["items"]
    assert item["title"] == MINE["prompt"]
    seen = candidate.get(f"/api/take/{token}").text + candidate.get(f"/take/{token}").text
    for secret in (*MINE["key_points"], "overflows"):
        assert secret not in seen
    answer = "For large logits the exponentials overflow, so we shift them first."
    put = candidate.put(f"/api/take/{token}/items/{item['item_id']}", json={"answer": answer})
    assert put.status_code == 200
    assert candidate.post(f"/api/take/{token}/submit").status_code == 202

    report = managers.get(f"/api/assessments/{assessment_id}/report").json()
    (row,) = report["candidates"]
    assert row["status"] == "graded" and row["max_score"] == 2
    assert 0 < row["score"] < 2  # one key point of two
    html = page(managers.get(f"/manage/assessments/{assessment_id}/candidates/{invitation_id}"))
    covered = [n.text() for n in html.css(".key-point.covered")]
    missed = [n.text() for n in html.css(".key-point.missed")]
    assert any(MINE["key_points"][0] in text for text in covered)
    assert any(MINE["key_points"][1] in text for text in missed)


def _publish(client: TestClient, clock: ManualClock, set_id: int) -> int:
    body = {
        "set_id": set_id,
        "title": "Round",
        "minutes": 30,
        "opens_at": clock.now().isoformat(),
        "closes_at": (clock.now() + timedelta(days=1)).isoformat(),
    }
    response = _post(client, "/api/assessments", body)
    assert response.status_code == 201, response.text
    assessment_id: int = response.json()["assessment_id"]
    return assessment_id


def test_another_manager_never_sees_or_uses_it(managers: TestClient, clock: ManualClock) -> None:
    qid = _write(managers).json()["question_id"]
    assert managers.get(f"/api/questions/{qid}").json()["key_points"] == MINE["key_points"]
    login(managers, "moses")
    for path in (f"/api/questions/{qid}", f"/api/questions/{qid}/export", "/api/questions/mq-x"):
        assert managers.get(path).status_code == 404, path
    assert managers.get("/api/questions").json() == []
    body = {"title": "Stolen", "items": [{"kind": "concept", "question_id": qid}]}
    refused = _post(managers, "/api/sets", body)
    assert refused.status_code == 422 and qid in refused.json()["detail"]
    set_path = _go(managers, "/manage/sets", {"title": "Mine"}).url.path
    assert set_path.startswith("/manage/sets/")
    picker = managers.get(set_path, params={"q": "softmax", "kind": "concept"}).text
    assert qid not in picker and MINE["prompt"] not in picker


def test_it_never_joins_the_public_bank(
    managers: TestClient, app: FastAPI, engine: Engine, clock: ManualClock
) -> None:
    qid = _write(managers, topics=["lstm"]).json()["question_id"]
    login(managers, "cory")
    prompt = MINE["prompt"]
    assert prompt not in managers.get("/questions").text
    assert prompt not in managers.get("/questions", params={"q": "softmax"}).text
    assert managers.get(f"/questions/{qid}").status_code == 404
    assert managers.get("/answer", params={"question": qid}).status_code == 404
    assert managers.get("/flashcards", params={"question": qid}).status_code == 404
    offered = []
    for _ in range(20):  # rate every card the flashcards offer until none is left
        shown = page(managers.get("/flashcards"))
        assert prompt not in (shown.html or "")
        card = shown.css_first(".reveal-form input[name=question]")
        if card is None:
            break
        offered.append(card.attributes["value"] or "")
        post_form(managers, "/flashcards", {"question_id": offered[-1], "rating": "4"})
    assert offered and qid not in offered
    catalog = app.state.catalog
    assert qid not in catalog.questions and catalog.question(qid) is None
    bank_concepts = [doc for doc in catalog.questions.values() if doc.key_points]
    plan = MockPlan(minutes=30, concepts=len(bank_concepts), katas=0)
    drawn = compose(plan, catalog=catalog, rng=random.Random(1))
    assert qid not in {spec.ref_id for spec in drawn}
    with pytest.raises(PlanError, match=f"Only {len(bank_concepts)} concepts"):
        compose(replace(plan, concepts=len(bank_concepts) + 1), catalog=catalog)
    with Session(engine) as session:
        mirror = session.get(Question, qid)
        assert mirror is not None and mirror.owner_id is not None and mirror.removed_at is None


def test_bad_input_names_the_field(managers: TestClient) -> None:
    cases: dict[str, dict[str, Any]] = {
        "prompt": {"prompt": "   "},
        "answer": {"answer": ""},
        "key_points": {"key_points": []},
        "difficulty": {"difficulty": "impossible"},
    }
    for field, change in cases.items():
        response = _write(managers, **change)
        assert response.status_code == 422, (field, response.text)
        assert field in str(response.json()["detail"]), (field, response.text)
    duplicated = _write(managers, key_points=["overflow", "Overflow "])
    assert duplicated.status_code == 422 and "same" in duplicated.json()["detail"]
    empty_point = _write(managers, key_points=["overflow", " "])
    assert "key point 2 is empty" in empty_point.json()["detail"]
    too_long = _write(managers, prompt="x" * (questions.MAX_PROMPT + 1))
    assert too_long.status_code == 400 and "prompt" in str(too_long.json()["detail"])  # schema
    assert managers.get("/api/questions").json() == []  # nothing stored by a refusal
    assert managers.post("/api/questions", json=MINE).status_code == 403  # no CSRF token


def test_export_is_a_question_file_the_bank_parses(managers: TestClient, tmp_path: Path) -> None:
    qid = _write(managers).json()["question_id"]
    exported = managers.get(f"/api/questions/{qid}/export")
    assert exported.status_code == 200
    doc = parse_question(exported.text, path=tmp_path / f"{qid}.md")
    assert doc.id == qid and doc.prompt == MINE["prompt"]
    assert doc.key_points == tuple(MINE["key_points"]) and doc.answer == MINE["answer"]
    assert doc.topics == ("numerics",) and doc.difficulty == "medium"


def test_the_set_editor_writes_a_question_into_the_set_and_keeps_a_refused_draft(
    managers: TestClient,
) -> None:
    created = _go(managers, "/manage/sets", {"title": "Round one"})
    set_path = created.url.path
    form = {
        "prompt": MINE["prompt"],
        "answer": MINE["answer"],
        "key_points": "\n".join(MINE["key_points"]) + "\n",
        "topics": "numerics, Stability",
        "difficulty": "hard",
        "points": "2",
    }
    refused = post_form(managers, f"{set_path}/questions", {**form, "difficulty": "extreme"})
    assert refused.status_code == 200 and "difficulty" in refused.text
    assert MINE["key_points"][1] in refused.text  # the draft is kept
    assert managers.get("/api/questions").json() == []
    edited = page(_go(managers, f"{set_path}/questions", form))
    (mine,) = managers.get("/api/questions").json()
    assert mine["topics"] == ["numerics", "stability"] and mine["difficulty"] == "hard"
    set_id = int(set_path.rsplit("/", 1)[1])
    items = managers.get(f"/api/sets/{set_id}").json()["items"]
    assert items[-1]["ref_ids"] == [mine["question_id"]] and items[-1]["points"] == 2
    own = [n.attributes["value"] for n in edited.css("#own-questions input[name=ref_ids]")]
    assert own == [mine["question_id"]]
    found = page(managers.get(set_path, params={"q": "softmax", "kind": "concept"}))
    assert mine["question_id"] in [
        n.attributes["value"] for n in found.css("#found input[name=ref_ids]")
    ]


def test_an_admin_cannot_write_into_another_managers_set(
    managers: TestClient, make_user: Callable[..., User]
) -> None:
    set_path = _go(managers, "/manage/sets", {"title": "Maria's"}).url.path
    make_user("root", role=Role.admin)
    login(managers, "root")
    form = {**MINE, "key_points": "\n".join(MINE["key_points"]), "topics": ""}
    refused = post_form(managers, f"{set_path}/questions", form)
    assert refused.status_code == 200 and "owner can write questions" in refused.text
    assert managers.get("/api/questions").json() == []


def test_a_restart_keeps_it_private_and_takeable(
    managers: TestClient, app: FastAPI, engine: Engine, settings: Settings
) -> None:
    qid = _write(managers).json()["question_id"]
    fresh = load_catalog(settings)  # what the next start-up reads from the files
    with Session(engine) as session:
        sync_catalog(session=session, catalog=fresh)
        questions.load_private(session=session, catalog=fresh)
        mirror = session.get(Question, qid)
        assert mirror is not None and mirror.removed_at is None  # the file sync leaves it be
    assert qid not in fresh.questions and fresh.question(qid) is None
    held = fresh.held_question(qid)
    assert held is not None and held.key_points == tuple(MINE["key_points"])
    with Session(engine) as session:
        maria = session.exec(select(User).where(User.username == "maria")).one()
    assert fresh.owner_of(qid) == maria.id


def test_a_question_written_in_another_process_is_found_by_its_id(
    app: FastAPI, client: TestClient, engine: Engine, make_user: Callable[..., User]
) -> None:
    maria = make_user("maria", role=Role.manager)
    with Session(engine, expire_on_commit=False) as session:
        elsewhere = Catalog(questions={})  # another web process's catalog
        row = questions.create_question(
            session=session,
            owner=maria,
            draft=questions.Draft(
                prompt="Why standardise features before k-means?",
                answer="Distances weigh every feature by its scale.",
                key_points=("distances depend on scale",),
                topics=("clustering",),
                difficulty="easy",
            ),
            catalog=elsewhere,
            now=datetime.now(UTC),
        )
    ours: Catalog = app.state.catalog
    found = ours.held_question(questions.question_id(row))
    assert found is not None and found.prompt == "Why standardise features before k-means?"
    assert ours.owner_of(questions.question_id(row)) == maria.id
    assert ours.question(questions.question_id(row)) is None  # still not in the public bank
    assert ours.held_question("mq-999999") is None
