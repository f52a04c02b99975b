"""The kata editor as a browser uses it, on a real app and database (SQLite and Postgres): the
form is read from the page and sent back encoded as the browser would (its enctype, CRLF
newlines), so what the editor shows is what it saves, a kata the importer accepts is never
lost to the request body cap, and a refused save keeps what was typed. Checks are queued on a
recording queue: the sandbox check has its own tests (test_authoring.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from server.app import create_app
from server.authoring.archive import export_archive
from server.authoring.files import MAX_TOTAL_BYTES, KataDraft, check_draft, to_files
from server.authoring.models import KataVersion
from server.clock import ManualClock
from server.config import Settings
from server.models import Role, User
from tests.factories import RecordingQueue, login, one, page, post_form
from tests.factories import make_user as make_user_in
from tests.server.authoring_kata import HIDDEN, add_draft, add_form
from tests.server.test_authoring_files import pax_bomb

BOUNDARY = "----WebKitFormBoundaryk4tAb4nKt3stF0rm"


@pytest.fixture
def queue(app: FastAPI, client: TestClient) -> RecordingQueue:
    recording = RecordingQueue()
    app.state.grading = recording
    return recording


@pytest.fixture
def ann(client: TestClient, make_user: Callable[..., User], queue: RecordingQueue) -> TestClient:
    make_user("ann", role=Role.manager)
    login(client, "ann")
    return client


def _fields(form: Any) -> list[tuple[str, str]]:
    """The form's fields as a browser collects them: textareas with CRLF newlines."""
    fields = []
    for node in form.css("input[name], textarea[name], select[name]"):
        name = node.attributes["name"]
        if node.tag == "textarea":
            value = node.text(deep=True).replace("\r\n", "\n").replace("\n", "\r\n")
        elif node.tag == "select":
            chosen = node.css_first("option[selected]") or node.css_first("option")
            value = chosen.attributes.get("value") or chosen.text()
        else:
            value = node.attributes.get("value") or ""
        fields.append((name, value))
    return fields


def _send(client: TestClient, editor: HTMLParser, **changes: str) -> Response:
    """Submit the editor's form as shown, with `changes` typed into the named fields."""
    form = one(editor, "form.kata-editor")
    fields = [(name, changes.get(name, value)) for name, value in _fields(form)]
    assert form.attributes.get("enctype") == "multipart/form-data"
    body = b"".join(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value.encode()
        + b"\r\n"
        for name, value in fields
    )
    return client.post(
        str(form.attributes["action"]),
        content=body + f"--{BOUNDARY}--\r\n".encode(),
        headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
        follow_redirects=False,
    )


def _import(client: TestClient, archive: bytes) -> Response:
    token = one(page(client.get("/manage/katas")), "input[name=csrf_token]").attributes["value"]
    return client.post(
        "/manage/katas/import",
        data={"csrf_token": token},
        files={"file": ("kata.tar.gz", archive, "application/gzip")},
        follow_redirects=False,
    )


def _versions(engine: Engine) -> list[dict[str, str]]:
    with Session(engine) as session:
        rows = session.exec(select(KataVersion).order_by(col(KataVersion.id))).all()
        return [dict(row.files) for row in rows]


def _at_the_limit() -> KataDraft:
    """A kata of exactly MAX_TOTAL_BYTES, nearly all newlines: the browser sends each as CRLF."""

    def padded(newlines: int) -> KataDraft:
        # 30,000 in the statement: under its own limit, with room to type more.
        statement = "# Add two numbers\n" + "\n" * 30_000 + "Return `a + b`.\n"
        hidden = HIDDEN + "\n" * newlines + "# end\n"
        return check_draft(add_draft(statement=statement, tests_hidden=hidden))

    def size(draft: KataDraft) -> int:
        return sum(len(text.encode()) for text in to_files(draft).values())

    draft = padded(MAX_TOTAL_BYTES - size(padded(0)))
    assert size(draft) == MAX_TOTAL_BYTES
    return draft


def test_a_kata_imported_at_the_size_limit_opens_and_saves_unchanged(
    ann: TestClient, engine: Engine, queue: RecordingQueue
) -> None:
    files = to_files(_at_the_limit())
    imported = _import(ann, export_archive("add_two", files))
    assert imported.status_code == 303, imported.text
    saved = _send(ann, page(ann.get("/manage/katas/add_two")))
    assert saved.status_code == 303, saved.text
    assert _versions(engine) == [files, files]
    assert len(queue.version_ids) == 2


def test_a_draft_over_the_size_limit_is_refused_on_the_form_naming_the_limit(
    ann: TestClient, engine: Engine
) -> None:
    files = to_files(_at_the_limit())
    assert _import(ann, export_archive("add_two", files)).status_code == 303
    editor = page(ann.get("/manage/katas/add_two"))
    typed = one(editor, "#field-statement").text() + "\nOne more paragraph." * 500
    refused = _send(ann, editor, statement=typed)
    assert refused.status_code == 422
    shown = page(refused)
    assert f"{MAX_TOTAL_BYTES:,} bytes" in one(shown, "#form-error").text()
    assert one(shown, "#field-statement").text().endswith("One more paragraph.")
    assert len(_versions(engine)) == 1

    over = {**files, "statement.md": files["statement.md"] + "x"}
    refused = _import(ann, export_archive("add_two", over))
    assert refused.status_code == 422
    assert f"more than {MAX_TOTAL_BYTES:,} bytes" in one(page(refused), ".form-error").text()


def test_an_archive_with_a_huge_pax_header_is_refused_on_the_page(ann: TestClient) -> None:
    refused = _import(ann, pax_bomb())
    assert refused.status_code == 422
    assert one(page(refused), ".form-error").text().startswith("archive: unpacks to more than")


def test_every_limit_of_an_imported_kata_is_shown_and_saved(
    ann: TestClient, engine: Engine
) -> None:
    limits = (("wall_seconds", 4.0), ("cpu_seconds", 3.0), ("memory_mb", 300), ("output_kb", 16))
    files = to_files(check_draft(add_draft(limits=limits)))
    assert _import(ann, export_archive("add_two", files)).status_code == 303
    editor = page(ann.get("/manage/katas/add_two"))
    shown = {key: one(editor, f"#field-{key}").attributes["value"] for key, _ in limits}
    assert shown == {
        "wall_seconds": "4.0",
        "cpu_seconds": "3.0",
        "memory_mb": "300",
        "output_kb": "16",
    }
    assert _send(ann, editor).status_code == 303
    assert _versions(engine) == [files, files]


def test_saves_are_rate_limited_per_author_and_a_refused_save_keeps_the_text(
    settings: Settings,
) -> None:
    app = create_app(settings.model_copy(update={"kata_saves_per_hour": 2}))
    clock = ManualClock(datetime(2027, 1, 10, 9, 0, tzinfo=UTC))
    with TestClient(app) as client:
        app.state.grading = queue = RecordingQueue()
        app.state.clock = clock
        make_user_in(app.state.engine, "ann", role=Role.manager)
        login(client, "ann")
        assert post_form(client, "/manage/katas", add_form()).status_code == 303
        editor = page(client.get("/manage/katas/add_two"))
        assert _send(client, editor, title="").status_code == 422  # refused: not counted
        assert _send(client, editor).status_code == 303
        clock.advance(minutes=59)

        typed = one(editor, "#field-statement").text() + "\nTyped before the limit.\n"
        limited = _send(client, editor, statement=typed)
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == "60"
        shown = page(limited)
        assert "2 saves in the last hour" in one(shown, "#form-error").text()
        assert "Typed before the limit." in one(shown, "#field-statement").text()
        archive = export_archive("add_three", to_files(check_draft(add_draft("add_three"))))
        imported = _import(client, archive)
        assert imported.status_code == 429
        assert "2 saves in the last hour" in one(page(imported), ".form-error").text()
        assert len(queue.version_ids) == 2

        clock.advance(minutes=1)
        assert _send(client, editor, statement=typed).status_code == 303
        assert len(queue.version_ids) == 3
