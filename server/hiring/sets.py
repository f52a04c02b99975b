"""Managers' question sets: items picked from the bank and the katas, pools, versions, files.

An entry is a conceptual question or a kata with points, an optional section and an optional
time hint; an entry naming several ids of one kind is a *pool*, from which each candidate
draws one at random, so candidates do not all see the same question. Publishing an
assessment freezes the set's entries as a `SetVersion`; editing the set later changes only
what later assessments freeze.

Sets export to and import from a TOML file (format in the README, "Question set files") so a
team can keep them in git.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

import tomli_w
from sqlalchemy import func
from sqlmodel import Session, col, select

from server.attempts.models import ItemKind
from server.attempts.sets import ItemSpec
from server.catalog import Catalog
from server.hiring.errors import HiringError, NotFound
from server.hiring.models import QuestionSet, SetVersion
from server.models import Role, User

__all__ = [
    "FILE_FORMAT",
    "MAX_ENTRIES",
    "MAX_POOL",
    "Entry",
    "SetError",
    "archive",
    "create_set",
    "draw",
    "duplicate",
    "entries_of",
    "export_toml",
    "freeze",
    "get_set",
    "import_set",
    "import_toml",
    "list_sets",
    "update_set",
    "with_entry_moved",
]

MAX_ENTRIES: Final = 50
MAX_POOL: Final = 10
MAX_POINTS: Final = 100.0
MAX_TIME_HINT_MINUTES: Final = 240
FILE_FORMAT: Final = 1


class SetError(HiringError):
    """A set that cannot be stored as given; the message names the entry and the field."""

    status_code = 422


@dataclass(frozen=True)
class Entry:
    """One item of a set: a question or kata (or a pool of them) with its points."""

    kind: ItemKind
    ref_ids: tuple[str, ...]
    points: float = 1.0
    section: str | None = None
    time_hint_minutes: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "ref_ids": list(self.ref_ids),
            "points": self.points,
            "section": self.section,
            "time_hint_minutes": self.time_hint_minutes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        return cls(
            kind=ItemKind(data["kind"]),
            ref_ids=tuple(data["ref_ids"]),
            points=float(data["points"]),
            section=data.get("section"),
            time_hint_minutes=data.get("time_hint_minutes"),
        )


def check_entries(entries: Sequence[Entry], *, catalog: Catalog, owner_id: int) -> None:
    """Raise SetError naming the first entry that is not a valid item of a set.

    A manager's own question (hiring.questions) or kata (server/authoring) is valid only in
    its author's sets.
    """
    if len(entries) > MAX_ENTRIES:
        raise SetError(f"A set holds at most {MAX_ENTRIES} items; this one has {len(entries)}.")
    for number, entry in enumerate(entries, start=1):
        where = f"Item {number}"
        if not 1 <= len(entry.ref_ids) <= MAX_POOL:
            raise SetError(f"{where}: a pool holds 1 to {MAX_POOL} ids, not {len(entry.ref_ids)}.")
        if len(set(entry.ref_ids)) != len(entry.ref_ids):
            raise SetError(f"{where}: the pool names the same id twice.")
        for ref_id in entry.ref_ids:
            known = (
                catalog.kata(ref_id) is not None or catalog.kata_owner_of(ref_id) == owner_id
                if entry.kind == ItemKind.kata
                else ref_id in catalog.questions or catalog.owner_of(ref_id) == owner_id
            )
            if not known:
                what = "kata" if entry.kind == ItemKind.kata else "question"
                raise SetError(f"{where}: there is no {what} with id {ref_id!r}.")
        if not 0 < entry.points <= MAX_POINTS:
            raise SetError(f"{where}: points must be above 0 and at most {MAX_POINTS:g}.")
        if entry.section is not None and len(entry.section) > 120:
            raise SetError(f"{where}: the section name is longer than 120 characters.")
        hint = entry.time_hint_minutes
        if hint is not None and not 1 <= hint <= MAX_TIME_HINT_MINUTES:
            raise SetError(f"{where}: the time hint must be 1 to {MAX_TIME_HINT_MINUTES} minutes.")


def _check_title(title: str) -> str:
    title = title.strip()
    if not title or len(title) > 200:
        raise SetError("The title must be 1 to 200 characters.")
    return title


def create_set(
    *,
    session: Session,
    owner: User,
    title: str,
    entries: Sequence[Entry],
    catalog: Catalog,
    now: datetime,
    description: str = "",
) -> QuestionSet:
    """A new set owned by `owner`; SetError (nothing stored) when an entry is not valid."""
    check_entries(entries, catalog=catalog, owner_id=owner.id or 0)
    question_set = QuestionSet(
        owner_id=owner.id or 0,
        title=_check_title(title),
        description=description[:5000],
        items=[entry.as_json() for entry in entries],
        created_at=now,
        updated_at=now,
    )
    session.add(question_set)
    session.commit()
    session.refresh(question_set)
    return question_set


def import_set(
    text: str, *, session: Session, owner: User, catalog: Catalog, now: datetime
) -> QuestionSet:
    """A new set from a TOML set file as `export_toml` writes it; SetError names what is wrong."""
    title, description, entries = import_toml(text)
    return create_set(
        session=session,
        owner=owner,
        title=title,
        description=description,
        entries=entries,
        catalog=catalog,
        now=now,
    )


def update_set(
    *,
    session: Session,
    question_set: QuestionSet,
    title: str,
    entries: Sequence[Entry],
    catalog: Catalog,
    now: datetime,
    description: str = "",
) -> QuestionSet:
    """Replace the set's title and entries; published versions are untouched."""
    check_entries(entries, catalog=catalog, owner_id=question_set.owner_id)
    question_set.title = _check_title(title)
    question_set.description = description[:5000]
    question_set.items = [entry.as_json() for entry in entries]
    question_set.updated_at = now
    session.add(question_set)
    session.commit()
    session.refresh(question_set)
    return question_set


def duplicate(
    *, session: Session, question_set: QuestionSet, owner: User, now: datetime
) -> QuestionSet:
    """A copy of the set, owned by `owner`, titled as a copy."""
    copy = QuestionSet(
        owner_id=owner.id or 0,
        title=f"Copy of {question_set.title}"[:200],
        description=question_set.description,
        items=list(question_set.items),
        created_at=now,
        updated_at=now,
    )
    session.add(copy)
    session.commit()
    session.refresh(copy)
    return copy


def archive(
    *, session: Session, question_set: QuestionSet, now: datetime, restore: bool = False
) -> None:
    """Hide a set from the list (or bring it back); its assessments go on unchanged."""
    question_set.archived_at = None if restore else now
    session.add(question_set)
    session.commit()


def get_set(*, session: Session, set_id: int, user: User) -> QuestionSet:
    """The set if `user` owns it or is an admin; NotFound (as for no set at all) otherwise."""
    question_set = session.get(QuestionSet, set_id)
    if question_set is None or not _may_see(user, question_set.owner_id):
        raise NotFound("There is no question set of yours with that number.")
    return question_set


def list_sets(*, session: Session, user: User, archived: bool = False) -> list[QuestionSet]:
    """The user's sets (every manager's for an admin), newest first."""
    query = select(QuestionSet).order_by(col(QuestionSet.updated_at).desc())
    if user.role != Role.admin:
        query = query.where(QuestionSet.owner_id == user.id)
    query = query.where(
        col(QuestionSet.archived_at).is_not(None)
        if archived
        else col(QuestionSet.archived_at).is_(None)
    )
    return list(session.exec(query).all())


def entries_of(items: Sequence[dict[str, Any]]) -> list[Entry]:
    return [Entry.from_json(item) for item in items]


def freeze(*, session: Session, question_set: QuestionSet, now: datetime) -> SetVersion:
    """Freeze the set's entries as its next version (the caller commits)."""
    latest = session.exec(
        select(func.max(SetVersion.number)).where(SetVersion.set_id == question_set.id)
    ).one()
    version = SetVersion(
        set_id=question_set.id or 0,
        number=(latest or 0) + 1,
        title=question_set.title,
        items=list(question_set.items),
        created_at=now,
    )
    session.add(version)
    session.flush()
    return version


def draw(version: SetVersion, *, seed: str) -> list[ItemSpec]:
    """The items one candidate takes: one id from each pool, chosen by `seed` (reproducible)."""
    chooser = random.Random(seed)
    specs = []
    for entry in entries_of(version.items):
        hint = entry.time_hint_minutes
        specs.append(
            ItemSpec(
                kind=entry.kind,
                ref_id=chooser.choice(entry.ref_ids),
                points=entry.points,
                section=entry.section,
                time_hint_seconds=hint * 60 if hint is not None else None,
            )
        )
    return specs


def export_toml(question_set: QuestionSet) -> str:
    """The set as a reviewable TOML file (the README's "Question set files" has the format)."""
    items = []
    for entry in entries_of(question_set.items):
        item: dict[str, Any] = {"kind": str(entry.kind)}
        if len(entry.ref_ids) == 1:
            item["id"] = entry.ref_ids[0]
        else:
            item["pool"] = list(entry.ref_ids)
        item["points"] = entry.points
        if entry.section:
            item["section"] = entry.section
        if entry.time_hint_minutes is not None:
            item["time_hint_minutes"] = entry.time_hint_minutes
        items.append(item)
    document: dict[str, Any] = {"format": FILE_FORMAT, "title": question_set.title}
    if question_set.description:
        document["description"] = question_set.description
    document["items"] = items
    return tomli_w.dumps(document)


_ITEM_KEYS: Final = {"kind", "id", "pool", "points", "section", "time_hint_minutes"}
_TOP_KEYS: Final = {"format", "title", "description", "items"}


def import_toml(text: str) -> tuple[str, str, list[Entry]]:
    """(title, description, entries) from a set file; SetError naming the line or item."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SetError(f"The file is not valid TOML: {error}.") from None
    unknown = set(document) - _TOP_KEYS
    if unknown:
        raise SetError(f"Unknown key(s) at the top of the file: {', '.join(sorted(unknown))}.")
    if document.get("format") != FILE_FORMAT:
        raise SetError(f"'format' must be {FILE_FORMAT}.")
    title, description = document.get("title"), document.get("description", "")
    if not isinstance(title, str) or not isinstance(description, str):
        raise SetError("'title' (and 'description', if given) must be strings.")
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        raise SetError("The file needs an [[items]] list.")
    entries = []
    for number, raw in enumerate(raw_items, start=1):
        entries.append(_entry_from_file(raw, number))
    return title, description, entries


def _entry_from_file(raw: Any, number: int) -> Entry:
    where = f"Item {number}"
    if not isinstance(raw, dict):
        raise SetError(f"{where} is not a table.")
    unknown = set(raw) - _ITEM_KEYS
    if unknown:
        raise SetError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}.")
    if raw.get("kind") not in {kind.value for kind in ItemKind}:
        raise SetError(f"{where}: 'kind' must be 'concept' or 'kata'.")
    if ("id" in raw) == ("pool" in raw):
        raise SetError(f"{where}: give exactly one of 'id' or 'pool'.")
    ids = [raw["id"]] if "id" in raw else raw["pool"]
    if not isinstance(ids, list) or not all(isinstance(value, str) for value in ids):
        raise SetError(f"{where}: 'id' must be a string and 'pool' a list of strings.")
    points, hint, section = raw.get("points", 1.0), raw.get("time_hint_minutes"), raw.get("section")
    if not isinstance(points, int | float) or isinstance(points, bool):
        raise SetError(f"{where}: 'points' must be a number.")
    if hint is not None and (not isinstance(hint, int) or isinstance(hint, bool)):
        raise SetError(f"{where}: 'time_hint_minutes' must be a whole number.")
    if section is not None and not isinstance(section, str):
        raise SetError(f"{where}: 'section' must be a string.")
    return Entry(ItemKind(raw["kind"]), tuple(ids), float(points), section, hint)


def _may_see(user: User, owner_id: int) -> bool:
    return user.role == Role.admin or owner_id == user.id


def with_entry_moved(entries: Sequence[Entry], index: int, step: int) -> list[Entry]:
    """`entries` with entry `index` moved `step` places (clamped to the ends)."""
    moved = list(entries)
    if 0 <= index < len(moved):
        target = max(0, min(len(moved) - 1, index + step))
        moved.insert(target, moved.pop(index))
    return moved
