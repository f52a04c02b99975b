"""Katas written in the browser, on a real app, database (SQLite and Postgres) and sandbox.

A kata goes live only once `graders.selfcheck` passed it in the real sandbox; a broken one is
refused with the file and line at fault and nothing of it shows; an edit that fails leaves the
last good version live. It is its author's alone (another manager gets a 404, a candidate a
403 on the pages and a 404 on the kata) until an admin publishes it. Export -> import gives
the same kata, which graders load and `katabank katas check` passes.
"""

from __future__ import annotations

import io
import re
import tarfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session, select

from graders import Kata as KataSpec
from graders import load_kata
from graders.selfcheck import check_katas
from server import db
from server.app import create_app
from server.authoring import library
from server.authoring.checks import run_check
from server.authoring.files import AuthoringError, Solution, check_draft, to_files
from server.authoring.models import AuthoredKata, CheckStatus, KataVersion
from server.clock import ManualClock
from server.config import Settings
from server.models import Kata, Role, User
from server.rendering import render_markdown, render_statement
from tests.factories import login, one, page, post_form, wait_until_graded
from tests.factories import make_user as make_user_in
from tests.hiring.test_hiring_api import _anonymous, _invite, _post
from tests.hiring.test_manager_questions import _publish
from tests.server.authoring_kata import HIDDEN, REFERENCE, add_draft, add_form

NOW = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
FAILS_THE_REFERENCE = (
    HIDDEN + "\n\ndef test_wrong_expectation(solution):\n    check(solution, (2, 2), 5)\n"
)


def _check(engine: Engine, version: KataVersion) -> KataVersion:
    assert version.id is not None
    run_check(version.id, engine=engine, on_live=lambda kata_id: None)
    with Session(engine) as session:
        checked = session.get(KataVersion, version.id)
        assert checked is not None
        return checked


def _line_of(source: str, text: str) -> int:
    return source.splitlines().index(text) + 1


def test_a_kata_goes_live_only_once_the_sandbox_passed_it_and_a_bad_edit_keeps_it(
    engine: Engine, session: Session, make_user: Callable[..., User]
) -> None:
    ann = make_user("ann", role=Role.manager)
    first = library.save_kata(session=session, owner=ann, draft=add_draft(), taken=(), now=NOW)
    live = library.LiveKatas(engine)
    assert first.status == CheckStatus.pending
    assert live.get("add_two") is None  # a draft is stored but usable nowhere
    assert session.get(Kata, "add_two") is None

    checked = _check(engine, first)
    assert (checked.status, checked.problems) == ("passed", [])
    found = live.get("add_two")
    assert found is not None and found.version_id == first.id and not found.published
    assert found.spec.function == "add" and found.spec.limits.wall_seconds == 5.0
    mirror = session.get(Kata, "add_two")
    assert mirror is not None and (mirror.owner_id, mirror.title) == (ann.id, "Add two numbers")

    authored = session.get(AuthoredKata, first.authored_id)
    assert authored is not None
    broken = library.save_kata(
        session=session,
        owner=ann,
        draft=add_draft(tests_hidden=FAILS_THE_REFERENCE),
        taken=(),
        now=NOW,
        authored=authored,
    )
    refused = _check(engine, broken)
    assert refused.status == CheckStatus.failed
    line = _line_of(FAILS_THE_REFERENCE, "def test_wrong_expectation(solution):")
    assert refused.problems[0] == {
        "file": "tests_hidden.py",
        "line": line,
        "message": "reference.py: expected passed, got failed: test_wrong_expectation failed"
        " for add(2, 2): wrong answer (expected 5, got 4)",
    }
    assert refused.problems[1]["message"].startswith("right/swapped.py: expected passed")
    found = live.get("add_two")
    assert found is not None and found.version_id == first.id  # the last good one stays live
    live.close()


def _cut_short(engine: Engine, version_id: int | None, *, attempts: int) -> None:
    """The version as a checker killed mid-check leaves it: "checking", its attempts counted."""
    with Session(engine) as session:
        version = session.get(KataVersion, version_id)
        assert version is not None
        version.status, version.attempts = CheckStatus.checking, attempts
        session.add(version)
        session.commit()


def test_a_check_cut_short_is_begun_again_and_one_cut_short_too_often_fails(
    engine: Engine, session: Session, make_user: Callable[..., User]
) -> None:
    ann = make_user("ann", role=Role.manager)
    first = library.save_kata(session=session, owner=ann, draft=add_draft(), taken=(), now=NOW)
    _cut_short(engine, first.id, attempts=1)
    checked = _check(engine, first)
    assert (checked.status, checked.attempts, checked.problems) == ("passed", 2, [])

    authored = session.get(AuthoredKata, first.authored_id)
    assert authored is not None
    edit = library.save_kata(
        session=session, owner=ann, draft=add_draft(), taken=(), now=NOW, authored=authored
    )
    _cut_short(engine, edit.id, attempts=3)  # the default limit: 3 checks begun, none finished
    refused = _check(engine, edit)
    assert (refused.status, refused.attempts) == ("failed", 4)
    assert refused.problems == [
        {
            "file": None,
            "line": None,
            "message": "the check stopped 3 times before it finished, so this version could "
            "not be checked; look for a test that exhausts memory or time, then save again.",
        }
    ]
    live = library.LiveKatas(engine)
    found = live.get("add_two")
    assert found is not None and found.version_id == first.id
    live.close()
    assert _check(engine, first) == checked  # a version checked already is left alone


def test_at_start_up_versions_left_unchecked_are_queued_again(settings: Settings) -> None:
    engine = db.make_engine(settings.database_url)
    with TestClient(create_app(settings)):  # a process that stops before checking them
        ann = make_user_in(engine, "ann", role=Role.manager)
        with Session(engine, expire_on_commit=False) as session:
            waiting, cut = (
                library.save_kata(
                    session=session, owner=ann, draft=add_draft(kata_id), taken=(), now=NOW
                )
                for kata_id in ("add_two", "add_three")
            )
    _cut_short(engine, cut.id, attempts=1)
    with TestClient(create_app(settings)):  # the restart checks what was left
        for _ in range(240):
            with Session(engine) as session:
                statuses = [
                    getattr(session.get(KataVersion, version.id), "status", None)
                    for version in (waiting, cut)
                ]
            if statuses == ["passed", "passed"]:
                break
            time.sleep(0.25)
    engine.dispose()
    assert statuses == ["passed", "passed"]


@pytest.mark.parametrize(
    ("changes", "file", "line", "says"),
    [
        ({"reference": "def add(a, b)\n    return a + b\n"}, "reference.py", 1, "syntax error"),
        (
            {
                "tests_hidden": HIDDEN
                + "\n\ndef test_hangs(solution):\n    while True:\n        pass\n"
            },
            "tests_hidden.py",
            12,
            "got timeout",
        ),
    ],
)
def test_a_broken_kata_is_refused_naming_the_file_and_line(
    engine: Engine,
    session: Session,
    make_user: Callable[..., User],
    changes: dict[str, Any],
    file: str,
    line: int,
    says: str,
) -> None:
    ann = make_user("ann", role=Role.manager)
    draft = add_draft(limits=(("wall_seconds", 2.0),), **changes)
    version = _check(
        engine, library.save_kata(session=session, owner=ann, draft=draft, taken=(), now=NOW)
    )
    assert version.status == CheckStatus.failed
    problem = version.problems[0]
    assert (problem["file"], problem["line"]) == (file, line)
    assert says in str(problem["message"])
    assert library.LiveKatas(engine).get("add_two") is None
    assert session.get(Kata, "add_two") is None


def test_a_wrong_solution_that_passes_is_named(
    engine: Engine, session: Session, make_user: Callable[..., User]
) -> None:
    ann = make_user("ann", role=Role.manager)
    lucky = Solution("commutes", "def add(a, b):\n    return b + a\n", "failed")
    draft = add_draft(wrong=(*add_draft().wrong, lucky))
    version = _check(
        engine, library.save_kata(session=session, owner=ann, draft=draft, taken=(), now=NOW)
    )
    assert version.problems == [
        {
            "file": "wrong/commutes.py",
            "line": 1,
            "message": "wrong/commutes.py: expected failed, got passed: All 2 tests passed.",
        }
    ]


def test_ids_are_unique_private_and_only_admins_publish(
    session: Session, make_user: Callable[..., User]
) -> None:
    ann = make_user("ann", role=Role.manager)
    bob = make_user("bob", role=Role.manager)
    root = make_user("root", role=Role.admin)
    version = library.save_kata(session=session, owner=ann, draft=add_draft(), taken=(), now=NOW)
    with pytest.raises(AuthoringError, match="taken"):
        library.save_kata(session=session, owner=bob, draft=add_draft(), taken=(), now=NOW)
    session.rollback()
    with pytest.raises(AuthoringError, match="taken"):
        library.save_kata(
            session=session, owner=bob, draft=add_draft("two_sum"), taken={"two_sum"}, now=NOW
        )
    session.rollback()
    with pytest.raises(AuthoringError, match="taken"):  # a removed file kata's history keeps it
        session.add(Kata(id="retired", title="Retired", difficulty="easy", removed_at=NOW))
        session.commit()
        library.save_kata(session=session, owner=bob, draft=add_draft("retired"), taken=(), now=NOW)
    session.rollback()
    authored = session.get(AuthoredKata, version.authored_id)
    assert authored is not None
    with pytest.raises(AuthoringError, match="cannot change"):
        library.save_kata(
            session=session,
            owner=ann,
            draft=add_draft("renamed"),
            taken=(),
            now=NOW,
            authored=authored,
        )
    session.rollback()
    assert library.get_own(session=session, kata_id="add_two", user=bob) is None
    assert library.list_katas(session=session, user=bob) == []
    assert [k.kata_id for k in library.list_katas(session=session, user=ann)] == ["add_two"]
    assert library.get_own(session=session, kata_id="add_two", user=root) is not None
    assert library.list_katas(session=session, user=root) == []  # not live yet: nothing to publish
    with pytest.raises(AuthoringError, match="only an admin"):
        library.publish(session=session, authored=authored, user=ann, now=NOW)
    with pytest.raises(AuthoringError, match="passed its check"):
        library.publish(session=session, authored=authored, user=root, now=NOW)


# ---- pages -------------------------------------------------------------------------------


def _manager(client: TestClient, make_user: Callable[..., User], name: str, role: Role) -> None:
    make_user(name, role=role)
    client.cookies.clear()
    login(client, name)


def _wait_for_check(client: TestClient, kata_id: str) -> Any:
    for _ in range(240):
        panel = one(page(client.get(f"/manage/katas/{kata_id}/check")), "#kata-check")
        if panel.attributes["data-status"] in ("passed", "failed"):
            return panel
        time.sleep(0.25)
    raise AssertionError("the check did not finish")


def test_only_managers_and_admins_author_and_every_form_needs_its_token(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    _manager(client, make_user, "carl", Role.candidate)
    assert client.get("/manage/katas").status_code == 403
    assert post_form(client, "/manage/katas", add_form()).status_code == 403
    _manager(client, make_user, "ann", Role.manager)
    assert client.get("/manage/katas").status_code == 200
    forged = client.post("/manage/katas", data=add_form(), follow_redirects=False)
    assert forged.status_code == 403
    files = {"file": ("k.tar.gz", b"x", "application/gzip")}
    assert client.post("/manage/katas/import", files=files).status_code == 403
    assert client.post("/manage/katas/x/publish").status_code == 403
    assert client.get("/manage/katas/add_two").status_code == 404


def test_a_manager_writes_a_kata_in_the_browser_practises_it_and_an_admin_publishes_it(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    _manager(client, make_user, "ann", Role.manager)
    saved = post_form(client, "/manage/katas", add_form())
    assert saved.status_code == 303 and saved.headers["location"] == "/manage/katas/add_two"
    editor = page(client.get("/manage/katas/add_two"))
    assert one(editor, "#field-kata_id").attributes["value"] == "add_two"
    panel = _wait_for_check(client, "add_two")
    assert panel.attributes["data-status"] == "passed", panel.html
    assert "Accepted" in panel.text()

    # Practise it: a submission of the author's is graded against the authored kata.
    assert client.get("/katas/add_two").status_code == 200
    submitted = post_form(
        client, "/katas/add_two/submissions", {"kind": "submit", "source": REFERENCE}
    )
    assert submitted.status_code == 303
    submission_id = int(submitted.headers["location"].rsplit("/", 1)[1])
    assert wait_until_graded(client, submission_id)["verdict"] == "passed"

    # Private: another manager and a candidate see nothing of it.
    for name, role in (("bob", Role.manager), ("carl", Role.candidate)):
        _manager(client, make_user, name, role)
        assert client.get("/katas/add_two").status_code == 404
        assert "add_two" not in client.get("/katas").text
    assert client.get("/manage/katas/add_two").status_code == 403  # carl
    _manager(client, make_user, "bob2", Role.manager)
    assert client.get("/manage/katas/add_two").status_code == 404
    assert client.get("/manage/katas/add_two/export").status_code == 404
    assert "add_two" not in client.get("/manage/katas").text

    # Only an admin publishes; then everyone finds it in the catalog.
    _manager(client, make_user, "root", Role.admin)
    assert post_form(client, "/manage/katas/add_two/publish", {}).status_code == 303
    client.cookies.clear()
    login(client, "carl")
    assert "add_two" in client.get("/katas").text
    assert client.get("/katas/add_two").status_code == 200


def test_a_manager_cannot_publish(client: TestClient, make_user: Callable[..., User]) -> None:
    _manager(client, make_user, "ann", Role.manager)
    post_form(client, "/manage/katas", add_form())
    _wait_for_check(client, "add_two")
    refused = post_form(client, "/manage/katas/add_two/publish", {})
    assert refused.status_code == 422
    assert "only an admin" in one(page(refused), "#form-error").text()


def test_a_broken_kata_shows_the_file_and_line_and_stays_a_draft(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    _manager(client, make_user, "ann", Role.manager)
    post_form(client, "/manage/katas", add_form(tests_hidden=FAILS_THE_REFERENCE))
    panel = _wait_for_check(client, "add_two")
    assert panel.attributes["data-status"] == "failed"
    line = _line_of(FAILS_THE_REFERENCE, "def test_wrong_expectation(solution):")
    assert re.search(rf"tests_hidden\.py\s*, line {line}", panel.text()), panel.text()
    assert "nothing of this kata is visible yet" in panel.text()
    assert client.get("/katas/add_two").status_code == 404
    assert client.get("/manage/katas/add_two/export").status_code == 409


def test_a_refused_form_is_shown_again_with_what_was_typed(
    client: TestClient, make_user: Callable[..., User]
) -> None:
    _manager(client, make_user, "ann", Role.manager)
    refused = post_form(client, "/manage/katas", add_form(title="", function="not valid"))
    assert refused.status_code == 422
    shown = page(refused)
    assert "title" in one(shown, "#form-error").text()
    assert one(shown, "#field-function").attributes["value"] == "not valid"
    # Past a field's limit too: the form comes back naming the limit, the text kept.
    big = post_form(client, "/manage/katas", add_form(statement="x" * 60_000))
    assert big.status_code == 422
    assert "at most 50000 characters" in one(page(big), "#form-error").text()
    assert one(page(big), "#field-statement").text() == "x" * 60_000
    assert post_form(client, "/manage/katas", add_form()).status_code == 303
    edit = add_form(editing="add_two", expected_minutes="soon", title="Kept as typed")
    refused_edit = post_form(client, "/manage/katas", edit)
    assert refused_edit.status_code == 422
    shown = page(refused_edit)
    assert "expected_minutes" in one(shown, "#form-error").text()
    assert one(shown, "#field-title").attributes["value"] == "Kept as typed"
    _wait_for_check(client, "add_two")


def test_export_then_import_into_another_server_gives_the_same_sound_kata(
    client: TestClient, make_user: Callable[..., User], tmp_path: Path, settings: Settings
) -> None:
    _manager(client, make_user, "ann", Role.manager)
    post_form(client, "/manage/katas", add_form())
    _wait_for_check(client, "add_two")
    exported = client.get("/manage/katas/add_two/export")
    assert exported.status_code == 200
    assert exported.headers["content-disposition"] == 'attachment; filename="add_two.tar.gz"'

    katas_dir = tmp_path / "katas"
    with tarfile.open(fileobj=io.BytesIO(exported.content)) as archive:
        archive.extractall(katas_dir, filter="data")
    assert load_kata(katas_dir, "add_two").title == "Add two numbers"
    assert check_katas(katas_dir, out=io.StringIO()) == 0  # what `katabank katas check` says

    other = Settings(**{**settings.model_dump(), "database_url": f"sqlite:///{tmp_path / 'b.db'}"})
    with TestClient(create_app(other)) as second:
        make_user_in(second.app.state.engine, "zoe", role=Role.manager)  # type: ignore[attr-defined]
        login(second, "zoe")
        files = {"file": ("add_two.tar.gz", exported.content, "application/gzip")}
        token = one(page(second.get("/manage/katas")), "input[name=csrf_token]").attributes["value"]
        imported = second.post(
            "/manage/katas/import", data={"csrf_token": token}, files=files, follow_redirects=False
        )
        assert imported.status_code == 303, imported.text
        assert _wait_for_check(second, "add_two").attributes["data-status"] == "passed"
        again = second.get("/manage/katas/add_two/export").content
    assert _files(again) == _files(exported.content) == to_files(check_draft(add_draft()))
    bad = post_form(client, "/manage/katas", {})  # nothing typed: a clear refusal, not a 500
    assert bad.status_code == 422


def _files(archive: bytes) -> dict[str, str]:
    with tarfile.open(fileobj=io.BytesIO(archive)) as opened:
        return {
            member.name.split("/", 1)[1]: opened.extractfile(member).read().decode()  # type: ignore[union-attr]
            for member in opened
        }


def test_authored_statements_do_not_fill_the_cache_of_the_banks_texts(
    client: TestClient, engine: Engine, make_user: Callable[..., User]
) -> None:
    """Each save is a new statement of up to 50,000 characters, rendered on the editor and the
    kata page: they go through the small statement cache, never the bank's large one."""
    ann = make_user("ann", role=Role.manager)
    login(client, "ann")
    with Session(engine) as session:
        first = library.save_kata(session=session, owner=ann, draft=add_draft(), taken=(), now=NOW)
    assert _check(engine, first).status == CheckStatus.passed  # live: the editor shows a preview
    assert client.get("/katas/add_two").status_code == 200
    bank, statements = render_markdown.cache_info(), render_statement.cache_info()
    unique = uuid.uuid4().hex  # the caches are the process's: new texts on each database
    for number in range(5):
        with Session(engine) as session:
            authored = session.get(AuthoredKata, first.authored_id)
            statement = f"# Add\n\nVersion {number} ({unique}): return $a + b$.\n"
            library.save_kata(
                session=session,
                owner=ann,
                draft=add_draft(statement=statement),
                taken=(),
                now=NOW,
                authored=authored,
            )
        shown = page(client.get("/manage/katas/add_two"))
        assert f"Version {number}" in one(shown, "#preview-heading + .prose").text()
        assert client.get("/katas/add_two").status_code == 200
    assert render_markdown.cache_info() == bank
    assert render_statement.cache_info().misses == statements.misses + 5


# ---- hiring ------------------------------------------------------------------------------


def test_a_manager_puts_their_kata_in_a_set_and_a_candidate_is_graded_on_it(
    client: TestClient, app: FastAPI, engine: Engine, make_user: Callable[..., User]
) -> None:
    clock = ManualClock(NOW)
    app.state.clock = clock
    ann = make_user("ann", role=Role.manager)
    make_user("bob", role=Role.manager)
    with Session(engine) as session:
        version = library.save_kata(
            session=session, owner=ann, draft=add_draft(), taken=(), now=NOW
        )
    assert _check(engine, version).status == CheckStatus.passed
    body = {"title": "Round", "items": [{"kind": "kata", "kata_id": "add_two", "points": 2}]}

    with Session(engine) as session:  # a draft not checked yet is offered nowhere
        library.save_kata(
            session=session, owner=ann, draft=add_draft("add_three"), taken=(), now=NOW
        )
    search = "?q=add&kind=kata"
    catalog_only = {"items": [{"kind": "kata", "kata_id": "intersection", "points": 1}]}

    def offered(set_id: int) -> list[str]:
        found = page(client.get(f"/manage/sets/{set_id}{search}")).css("#found code")
        return [node.text() for node in found]

    login(client, "bob")
    refused = _post(client, "/api/sets", body)
    assert refused.status_code == 422 and "add_two" in refused.json()["detail"]
    bobs = _post(client, "/api/sets", {"title": "Bob's", **catalog_only})
    assert bobs.status_code == 201, bobs.text
    assert "add_two" not in offered(bobs.json()["set_id"])  # never another manager's kata

    client.cookies.clear()
    login(client, "ann")
    empty = _post(client, "/api/sets", {"title": "Ann's", **catalog_only}).json()["set_id"]
    assert offered(empty)[0] == "add_two"  # the picker offers her accepted kata first
    assert "add_three" not in offered(empty)
    added = post_form(
        client,
        f"/manage/sets/{empty}",
        {"action": "add", "kind": "kata", "ref_ids": "add_two"},
    )
    assert added.status_code == 303, added.text
    assert "Add two numbers" in client.get(f"/manage/sets/{empty}").text
    created = _post(client, "/api/sets", body)
    assert created.status_code == 201, created.text
    set_page = client.get(f"/manage/sets/{created.json()['set_id']}").text
    assert "Add two numbers" in set_page
    assessment_id = _publish(client, clock, created.json()["set_id"])
    _invitation_id, token = _invite(client, assessment_id)

    candidate = _anonymous(app)
    view = candidate.post(f"/api/take/{token}/start", json={"name": "Ada"}).json()
    (item,) = view["items"]
    assert item["title"] == "Add two numbers"
    run = candidate.post(
        f"/api/take/{token}/items/{item['item_id']}/run", json={"source": REFERENCE}
    )
    assert run.status_code == 202, run.text
    for _ in range(240):
        graded = candidate.get(f"/api/take/{token}/runs/{run.json()['submission_id']}").json()
        if graded["status"] == "done":
            break
        time.sleep(0.25)
    assert graded["verdict"] == "passed", graded


def test_an_unsafe_upload_is_refused_on_the_page_and_user_content_is_escaped(
    client: TestClient, engine: Engine, make_user: Callable[..., User]
) -> None:
    ann = make_user("ann", role=Role.manager)
    login(client, "ann")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("../add_two/kata.toml")
        archive.addfile(info, io.BytesIO(b""))
    token = one(page(client.get("/manage/katas")), "input[name=csrf_token]").attributes["value"]
    refused = client.post(
        "/manage/katas/import",
        data={"csrf_token": token},
        files={"file": ("evil.tar.gz", buffer.getvalue(), "application/gzip")},
    )
    assert refused.status_code == 422
    assert "unsafe path" in one(page(refused), ".form-error").text()

    script = "<script>alert(1)</script>"
    draft = add_draft(title=f"Add {script}", statement=f"# Add\n\n{script} and $a + b$.\n")
    with Session(engine) as session:
        version = library.save_kata(session=session, owner=ann, draft=draft, taken=(), now=NOW)
    assert _check(engine, version).status == CheckStatus.passed
    for path in ("/manage/katas/add_two", "/katas/add_two", "/manage/katas"):
        shown = client.get(path)
        assert shown.status_code == 200 and script not in shown.text, path
    assert "&lt;script&gt;" in client.get("/katas/add_two").text


def test_a_publication_reaches_a_web_process_started_before_it(
    client: TestClient,
    engine: Engine,
    settings: Settings,
    make_user: Callable[..., User],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two web processes on one database: an admin publishes on the first; the second, which
    loaded its catalog before, lists it within seconds and finds it by id for sets, the API
    and its page."""
    monkeypatch.setattr(library, "PUBLISHED_SYNC_SECONDS", 0.0)
    ann = make_user("ann", role=Role.manager)
    make_user("bob", role=Role.manager)
    make_user("carl")
    make_user("root", role=Role.admin)
    with Session(engine) as session:
        version = library.save_kata(
            session=session, owner=ann, draft=add_draft(), taken=(), now=NOW
        )
    assert _check(engine, version).status == CheckStatus.passed
    body = {"title": "Round", "items": [{"kind": "kata", "kata_id": "add_two", "points": 1}]}
    with TestClient(create_app(settings)) as other:
        login(other, "bob")
        assert _post(other, "/api/sets", body).status_code == 422  # private: not bob's
        other.cookies.clear()
        login(other, "carl")
        assert other.get("/katas/add_two").status_code == 404

        assert "add_two" not in {kata["id"] for kata in other.get("/api/katas?limit=100").json()}
        assert "/katas/add_two" not in other.get("/katas").text

        login(client, "root")
        assert post_form(client, "/manage/katas/add_two/publish", {}).status_code == 303

        # Listed before anyone asks for it by id: on the page and in the API.
        assert 'href="/katas/add_two"' in other.get("/katas").text
        assert "add_two" in {kata["id"] for kata in other.get("/api/katas?limit=100").json()}
        assert other.get("/katas/add_two").status_code == 200
        sent = other.post(
            "/api/submissions",
            json={"kata_id": "add_two", "source": REFERENCE, "kind": "run"},
            headers={"X-CSRF-Token": other.get("/api/session").json()["csrf_token"]},
        )
        assert sent.status_code in (200, 201, 202), sent.text
        other.cookies.clear()
        login(other, "bob")
        assert _post(other, "/api/sets", body).status_code == 201


def test_a_web_process_asks_which_katas_are_published_at_most_once_per_period(
    engine: Engine, make_user: Callable[..., User], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listings call sync_published on every request; within PUBLISHED_SYNC_SECONDS of the
    last sync it sends nothing to the database, and once the period is over it finds what was
    published meanwhile."""
    period = library.PUBLISHED_SYNC_SECONDS
    clock = [1000.0]  # the library's monotonic clock, moved by hand: no stall can break this
    monkeypatch.setattr(library, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    ann = make_user("ann", role=Role.manager)
    root = make_user("root", role=Role.admin)
    with Session(engine) as session:
        version = library.save_kata(
            session=session, owner=ann, draft=add_draft(), taken=(), now=NOW
        )
    assert _check(engine, version).status == CheckStatus.passed
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    live = library.LiveKatas(engine)
    katas: dict[str, KataSpec] = {}

    assert live.sync_published(katas) == {}
    assert len(statements) == 1  # asked once: nothing published yet
    with Session(engine) as session:
        authored = session.exec(select(AuthoredKata)).one()
        library.publish(session=session, authored=authored, user=root, now=NOW)
    asked = len(statements)
    clock[0] += period - 1
    assert live.sync_published(katas) == {}
    assert len(statements) == asked, "asked again within the period"

    clock[0] += 1  # the period is over
    found = live.sync_published(katas)
    assert list(found) == ["add_two"] and found["add_two"].id == "add_two"
    assert len(statements) > asked
