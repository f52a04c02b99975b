"""Question files are synced into the database by id at start-up; history outlives the files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from server.app import create_app
from server.catalog import load_catalog, sync_catalog
from server.config import Settings
from server.models import Kata, PracticeEvent, Question, Role
from tests.factories import SAMPLE_BANK, login, make_user, page, text

LSTM = "lstm"


pytestmark = pytest.mark.usefixtures("sample_bank")


def _rows(engine: Engine) -> dict[str, Question]:
    with Session(engine) as session:
        return {row.id: row for row in session.exec(select(Question)).all()}


def test_start_up_mirrors_every_question(settings: Settings) -> None:
    app = create_app(settings)
    with TestClient(app):
        rows = _rows(app.state.engine)
    assert set(rows) == set(SAMPLE_BANK)
    lstm = rows[LSTM]
    assert lstm.prompt == "What does LSTM stand for?"
    assert lstm.topics == ["deep-learning", "rnn"]
    assert lstm.difficulty == "easy"
    assert lstm.removed_at is None


def test_a_removed_question_keeps_its_row_and_history(settings: Settings, tmp_path: Path) -> None:
    app = create_app(settings)
    with TestClient(app):
        user = make_user(app.state.engine)
        assert user.id is not None
        with Session(app.state.engine) as session:
            session.add(
                PracticeEvent(user_id=user.id, question_id=LSTM, mode="flashcard", rating=3)
            )
            session.commit()

    parked = tmp_path / "parked.md"
    shutil.move(settings.questions_dir / f"{LSTM}.md", parked)
    app = create_app(settings)
    with TestClient(app) as client:
        row = _rows(app.state.engine)[LSTM]
        assert row.removed_at is not None
        with Session(app.state.engine) as session:
            assert len(session.exec(select(PracticeEvent)).all()) == 1
        assert client.get(f"/questions/{LSTM}").status_code == 404
        links = page(client.get("/questions")).css("a.question-link")
        assert f"/questions/{LSTM}" not in {link.attributes["href"] for link in links}

    shutil.move(parked, settings.questions_dir / f"{LSTM}.md")
    app = create_app(settings)
    with TestClient(app) as client:
        assert _rows(app.state.engine)[LSTM].removed_at is None
        assert client.get(f"/questions/{LSTM}").status_code == 200


def test_sync_updates_a_changed_question(settings: Settings) -> None:
    app = create_app(settings)
    with TestClient(app):
        pass
    path = settings.questions_dir / f"{LSTM}.md"
    path.write_text(path.read_text().replace('difficulty = "easy"', 'difficulty = "hard"'))
    catalog = load_catalog(settings)
    with Session(app.state.engine) as session:
        sync_catalog(session=session, catalog=catalog)
    assert _rows(app.state.engine)[LSTM].difficulty == "hard"


def test_a_broken_file_is_reported_and_the_rest_loads(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    broken = settings.questions_dir / "broken.md"
    broken.write_text('+++\nid = "broken"\nprompt = \n+++\nAnswer\n')
    app = create_app(settings)
    with TestClient(app) as client:
        catalog = app.state.catalog
        assert len(catalog.questions) == len(SAMPLE_BANK)
        assert [error.path.name for error in catalog.errors] == ["broken.md"]
        assert catalog.errors[0].line == 3
        messages = [record.getMessage() for record in caplog.records]
        assert any("broken.md:3" in message for message in messages)

        make_user(app.state.engine, "root", role=Role.admin)
        login(client, "root")
        html = page(client.get("/admin/bank"))
        items = html.css(".bank-errors li")
        assert len(items) == 1
        assert text(items[0], "code") == "broken.md:3"


def test_katas_are_mirrored_and_a_removed_kata_keeps_its_row(
    settings: Settings, tmp_path: Path
) -> None:
    katas = tmp_path / "katas"
    shutil.copytree(settings.katas_dir, katas)
    settings = settings.model_copy(update={"katas_dir": katas})
    app = create_app(settings)
    with TestClient(app):
        loaded = app.state.catalog.katas
        with Session(app.state.engine) as session:
            rows = {row.id: row for row in session.exec(select(Kata)).all()}
    assert loaded and set(rows) == set(loaded)
    some_id = sorted(rows)[0]
    assert rows[some_id].title == loaded[some_id].title
    assert rows[some_id].removed_at is None

    shutil.rmtree(katas / some_id)
    app = create_app(settings)
    with TestClient(app), Session(app.state.engine) as session:
        assert session.get(Kata, some_id).removed_at is not None  # type: ignore[union-attr]
