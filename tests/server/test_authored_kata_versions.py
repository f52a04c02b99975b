"""Versions of katas written in the browser, on a real app, database and sandbox: checks
finishing out of order never move the live version back, and a version superseded before its
check is not checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import Session, select

from server.authoring import library
from server.authoring.models import AuthoredKata, CheckStatus, KataVersion
from server.models import Kata, Role, User
from tests.server.authoring_kata import add_draft
from tests.server.test_authoring import NOW, _check, _cut_short


def _edit(engine: Engine, owner: User, **changes: Any) -> KataVersion:
    """A new version of add_two, saved (not checked)."""
    with Session(engine) as session:
        authored = session.exec(select(AuthoredKata)).one()
        draft = add_draft(**changes)
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
