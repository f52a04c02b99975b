"""Versions of katas written in the browser, on a real app, database and sandbox: an attempt
and a submission keep the version they were made on; checks finishing out of order never move
the live version back, and a version superseded before its check is not checked; the public
catalog is replaced, never changed under a request iterating it; a kata page asks the
database once at most, and a file kata's never."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session, select

from server import submissions
from server.attempts.models import AttemptItem
from server.authoring import library
from server.authoring.files import Solution
from server.authoring.models import AuthoredKata, CheckStatus, KataVersion
from server.clock import ManualClock
from server.models import Kata, Role, Submission, User
from tests.factories import RecordingQueue, login, one, page, post_form
from tests.hiring.test_hiring_api import _anonymous, _invite, _post
from tests.hiring.test_manager_questions import _publish
from tests.server.authoring_kata import REFERENCE, SAMPLE, add_draft
from tests.server.test_authoring import NOW, _check, _cut_short

# The second version adds one more: REFERENCE (a + b) passes the first version, fails this one.
PLUS_ONE = add_draft(
    title="Add two numbers, plus one",
    reference="def add(a, b):\n    return a + b + 1\n",
    tests_sample=SAMPLE.replace("5)", "6)"),
    right=(Solution("swapped", "def add(a, b):\n    return b + a + 1\n"),),
)


def _edit(engine: Engine, owner: User, **changes: Any) -> KataVersion:
    """A new version of add_two, saved (not checked)."""
    with Session(engine) as session:
        authored = session.exec(select(AuthoredKata)).one()
        draft = PLUS_ONE if not changes else add_draft(**changes)
        return library.save_kata(
            session=session, owner=owner, draft=draft, taken=(), now=NOW, authored=authored
        )


def _first(engine: Engine, owner: User) -> KataVersion:
    with Session(engine) as session:
        version = library.save_kata(
            session=session, owner=owner, draft=add_draft(), taken=(), now=NOW
        )
    assert _check(engine, version).status == CheckStatus.passed
    return version


def _live_version(engine: Engine) -> int | None:
    with Session(engine) as session:
        return session.exec(select(AuthoredKata)).one().live_version_id


def test_an_assessment_is_taken_and_graded_on_the_version_it_froze(
    client: TestClient, app: FastAPI, engine: Engine, make_user: Callable[..., User]
) -> None:
    clock = ManualClock(NOW)
    app.state.clock = clock
    ann = make_user("ann", role=Role.manager)
    first = _first(engine, ann)
    login(client, "ann")
    body = {"title": "Round", "items": [{"kind": "kata", "kata_id": "add_two", "points": 2}]}
    created = _post(client, "/api/sets", body)
    assert created.status_code == 201, created.text
    _invitation_id, token = _invite(client, _publish(client, clock, created.json()["set_id"]))
    candidate = _anonymous(app)
    (item,) = candidate.post(f"/api/take/{token}/start", json={"name": "Ada"}).json()["items"]

    second = _edit(engine, ann)  # the author edits the kata mid-assessment
    assert _check(engine, second).status == CheckStatus.passed
    assert _live_version(engine) == second.id

    (shown,) = candidate.get(f"/api/take/{token}").json()["items"]
    assert shown["title"] == "Add two numbers"  # the statement it was frozen with
    saved = candidate.put(f"/api/take/{token}/items/{item['item_id']}", json={"source": REFERENCE})
    assert saved.status_code in (200, 204), saved.text
    assert candidate.post(f"/api/take/{token}/submit").status_code == 202
    with Session(engine) as session:
        frozen = session.exec(select(AttemptItem)).one()
        assert frozen.kata_version_id == first.id and frozen.submission_id is not None
        submission_id = frozen.submission_id
    graded = Submission(user_id=0, kata_id="", kind="", source="")
    for _ in range(480):
        with Session(engine) as session:
            graded = session.get(Submission, submission_id) or graded
            if graded.status == "done":
                break
        time.sleep(0.25)
    assert (graded.kata_version_id, graded.verdict) == (first.id, "passed"), graded.report


def test_a_practice_submission_is_graded_and_shown_on_the_version_it_was_made_on(
    client: TestClient, app: FastAPI, engine: Engine, make_user: Callable[..., User]
) -> None:
    """Made on the first version, graded after the second went live: the first one's tests
    decide, and its page (the kata is private: only its author may open it) shows that one."""
    ann = make_user("ann", role=Role.manager)
    first = _first(engine, ann)
    catalog = app.state.catalog
    kata = catalog.kata_for("add_two", ann)
    assert kata is not None
    with Session(engine, expire_on_commit=False) as session:
        made = submissions.submit(
            session=session,
            queue=RecordingQueue(),
            user=ann,
            kata=kata,
            source=REFERENCE,
            kind=submissions.Kind.submit,
            per_minute=100,
            version_id=catalog.kata_version_of(kata),
        )
    assert made.kata_version_id == first.id
    second = _edit(engine, ann)
    assert _check(engine, second).status == CheckStatus.passed
    live = app.state.authored
    katas = library.WithLive(lambda: catalog.katas, live)
    submissions.grade_by_id(made.id or 0, engine=engine, katas=katas, versions=katas.version)
    with Session(engine) as session:
        graded = session.get(Submission, made.id)
        assert graded is not None
        assert graded.verdict == "passed", graded.report

    login(client, "ann")
    shown = client.get(f"/submissions/{made.id}")
    assert shown.status_code == 200
    crumbs = one(page(shown), ".breadcrumbs")
    assert "Add two numbers" in crumbs.text() and "plus one" not in crumbs.text()
    loaded = post_form(client, f"/submissions/{made.id}/load", {})
    assert loaded.status_code == 303 and loaded.headers["location"] == "/katas/add_two#editor"


def test_an_older_version_whose_check_ends_last_never_goes_live(
    engine: Engine, session: Session, make_user: Callable[..., User]
) -> None:
    """Two checks interleaved for real: the older version's checker has read the kata (live:
    the first version) when the newer one goes live; it must not then write itself over."""
    ann = make_user("ann", role=Role.manager)
    first = _first(engine, ann)
    older = _edit(engine, ann, title="Older")
    _cut_short(engine, older.id, attempts=0)  # its check began before the next save
    newer = _edit(engine, ann, title="Newer")
    reads: list[str] = []

    def newer_goes_live_meanwhile(*args: Any) -> None:
        if args[2].startswith("SELECT authoredkata.") and "WHERE authoredkata.id =" in args[2]:
            reads.append(args[2])
            if len(reads) == 2:  # the older checker's second read: the one it writes after
                assert _check(engine, newer).status == CheckStatus.passed

    event.listen(engine, "after_cursor_execute", newer_goes_live_meanwhile)
    try:
        assert _check(engine, older).status == CheckStatus.passed  # sound, but finished last
    finally:
        event.remove(engine, "after_cursor_execute", newer_goes_live_meanwhile)
    assert len(reads) >= 2
    assert _live_version(engine) == newer.id != first.id
    mirror = session.get(Kata, "add_two")
    assert mirror is not None and mirror.title == "Newer"


def test_a_version_superseded_before_its_check_began_is_not_checked(
    engine: Engine, make_user: Callable[..., User]
) -> None:
    ann = make_user("ann", role=Role.manager)
    first = _first(engine, ann)
    skipped = _edit(engine, ann, title="Skipped")
    latest = _edit(engine, ann, title="Latest")
    checked = _check(engine, skipped)
    assert (checked.status, checked.attempts, checked.problems) == ("superseded", 0, [])
    assert _live_version(engine) == first.id
    assert _check(engine, latest).status == CheckStatus.passed
    assert _live_version(engine) == latest.id


def test_publishing_replaces_the_public_catalog_and_an_iteration_under_way_goes_on(
    client: TestClient, app: FastAPI, engine: Engine, make_user: Callable[..., User]
) -> None:
    ann = make_user("ann", role=Role.manager)
    make_user("root", role=Role.admin)
    _first(engine, ann)
    catalog = app.state.catalog
    graded_in = library.WithLive(lambda: catalog.katas, app.state.authored)
    before = catalog.katas
    listing = iter(before.values())
    next(listing)

    login(client, "root")
    assert post_form(client, "/manage/katas/add_two/publish", {}).status_code == 303

    assert list(listing)  # no "dictionary changed size during iteration"
    assert "add_two" not in before and "add_two" in catalog.katas
    assert catalog.katas is not before
    assert "add_two" in list(graded_in)  # grading sees the catalog of now
    _republished = catalog.katas
    catalog.put_katas({})
    assert catalog.katas is _republished  # nothing to add: nothing replaced


def _lookups(engine: Engine) -> list[str]:
    """Statements looking an authored kata up by id, from now on."""
    found: list[str] = []

    def record(*args: Any) -> None:
        if "FROM authoredkata" in args[2] and "authoredkata.kata_id =" in args[2]:
            found.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    return found


def test_a_kata_page_asks_the_database_for_an_authored_kata_once_and_never_for_a_file_kata(
    client: TestClient, engine: Engine, make_user: Callable[..., User]
) -> None:
    ann = make_user("ann", role=Role.manager)
    _first(engine, ann)
    login(client, "ann")
    assert client.get("/katas/add_two").status_code == 200  # its version is written once
    lookups = _lookups(engine)
    assert client.get("/katas/intersection").status_code == 200
    assert lookups == []
    assert client.get("/katas/add_two").status_code == 200
    assert len(lookups) == 1
