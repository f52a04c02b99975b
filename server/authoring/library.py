"""Who sees, edits and publishes which authored kata, and the live katas grading uses.

Design, mirroring managers' own questions (server/hiring/questions.py): an authored kata is
private to its owner (an admin may open any, to publish it); another manager gets exactly what
an unknown id gets. Its live version is the newest one whose check passed; until one has,
nothing of it is visible anywhere but its editor. Once live it is mirrored in the `kata` table
(with `owner_id`), so its owner can practise it: `Catalog.kata_for(id, user)` finds it for the
owner, and grading finds it by id. An admin's `publish` puts its live version into
`catalog.katas`, the public catalog, for everyone; a published kata's later passing edits
replace it there.

`LiveKatas` writes each version once to a private temporary folder (graders read kata
folders) and asks the database for the live version id on each lookup by kata id (one query;
never for a kata from the files), so an edit that went live in another process is seen at once
by grading and by the kata page. An attempt item and a submission keep the version they were
made on (`version_of`), and are shown and graded on it (`version`, asked of the database
once), so an edit going live never changes an assessment under way or already graded.
Listings read `catalog.katas`, which `sync_published` brings up to date every few seconds (on
any request that uses the catalog): a kata published, or a published kata's edit checked, in
another process or by a `katabank worker` is listed within seconds everywhere.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from graders import Kata as KataSpec
from graders import load_kata
from server.authoring.checks import write_folder
from server.authoring.files import AuthoringError, KataDraft, check_draft, to_files
from server.authoring.models import AuthoredKata, CheckStatus, KataVersion
from server.models import Kata, Role, User

__all__ = [
    "PUBLISHED_SYNC_SECONDS",
    "LiveKatas",
    "WithLive",
    "get_own",
    "latest_version",
    "list_katas",
    "publish",
    "save_kata",
]

# How often a web process asks the database which katas are published (and at which version).
PUBLISHED_SYNC_SECONDS = 5.0


def save_kata(
    *,
    session: Session,
    owner: User,
    draft: KataDraft,
    taken: Container[str],
    now: datetime,
    authored: AuthoredKata | None = None,
) -> KataVersion:
    """Store a new version (a new kata, or an edit of `authored`), waiting for its check.

    `taken` holds the ids of the file katas; an id that ever named a kata (its history points
    at it) is taken too, and a kata's id never changes once chosen.
    """
    clean = check_draft(draft)
    taken_message = f"the id {clean.kata_id!r} is taken; choose another."
    if authored is None:
        exists = session.exec(
            select(AuthoredKata.id).where(AuthoredKata.kata_id == clean.kata_id)
        ).first()
        mirrored = session.get(Kata, clean.kata_id)
        if clean.kata_id in taken or exists is not None or mirrored is not None:
            raise AuthoringError("kata_id", taken_message)
        authored = AuthoredKata(kata_id=clean.kata_id, owner_id=owner.id or 0, created_at=now)
    elif clean.kata_id != authored.kata_id:
        raise AuthoringError("kata_id", "a kata's id cannot change; make a new kata instead.")
    authored.updated_at = now
    session.add(authored)
    try:
        session.flush()
    except IntegrityError:  # another request took the id a moment ago
        session.rollback()
        raise AuthoringError("kata_id", taken_message) from None
    version = KataVersion(authored_id=authored.id or 0, files=to_files(clean), created_at=now)
    session.add(version)
    session.commit()
    session.refresh(version)
    return version


def list_katas(*, session: Session, user: User) -> list[AuthoredKata]:
    """The user's own katas, newest first; an admin also sees everyone else's live ones."""
    query = select(AuthoredKata)
    if user.role is Role.admin:
        query = query.where(
            or_(AuthoredKata.owner_id == user.id, col(AuthoredKata.live_version_id).is_not(None))
        )
    else:
        query = query.where(AuthoredKata.owner_id == user.id)
    return list(session.exec(query.order_by(col(AuthoredKata.id).desc())).all())


def get_own(*, session: Session, kata_id: str, user: User) -> AuthoredKata | None:
    """The kata by its id if `user` owns it or is an admin; None otherwise, as for no kata."""
    row = session.exec(select(AuthoredKata).where(AuthoredKata.kata_id == kata_id)).first()
    if row is None or (row.owner_id != user.id and user.role is not Role.admin):
        return None
    return row


def latest_version(*, session: Session, authored: AuthoredKata) -> KataVersion:
    """The newest saved version (what the editor shows)."""
    row = session.exec(
        select(KataVersion)
        .where(KataVersion.authored_id == authored.id)
        .order_by(col(KataVersion.id).desc())
    ).first()
    assert row is not None  # every kata is saved with its first version
    return row


def publish(*, session: Session, authored: AuthoredKata, user: User, now: datetime) -> None:
    """Make the kata public (admins only, and only once a version passed its check)."""
    if user.role is not Role.admin:
        raise AuthoringError("publish", "only an admin can publish a kata.")
    if authored.live_version_id is None:
        raise AuthoringError("publish", "no version of this kata has passed its check yet.")
    authored.published_at = now
    session.add(authored)
    session.commit()


@dataclass(frozen=True)
class Live:
    """A kata's live version as graders see it, and whose it is."""

    spec: KataSpec
    owner_id: int
    published: bool
    version_id: int

    def visible_to(self, user: User) -> bool:
        """Whether `user` may practise it: anyone once published, else its owner or an admin."""
        return self.published or self.owner_id == user.id or user.role is Role.admin


class LiveKatas:
    """The live versions of authored katas, looked up by kata id, and any version by its id."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._root = Path(tempfile.mkdtemp(prefix="katabank-authored-"))
        self._cache: dict[int, KataSpec] = {}
        self._version_of: dict[Path, int] = {}  # a written version's folder -> its id
        self._lock = threading.Lock()
        self._next_sync = 0.0
        self._synced: dict[str, int] = {}  # kata id -> the version sync_published put in

    def get(self, kata_id: str) -> Live | None:
        """The live version of `kata_id`; None when it has none (or is not authored)."""
        with Session(self._engine) as session:
            row = session.exec(select(AuthoredKata).where(AuthoredKata.kata_id == kata_id)).first()
            if row is None or row.live_version_id is None:
                return None
            version_id = row.live_version_id
            with self._lock:
                spec = self._cache.get(version_id)
            if spec is None:
                version = session.get(KataVersion, version_id)
                assert version is not None
                spec = self._materialise(kata_id, version_id, dict(version.files))
        return Live(spec, row.owner_id, row.published_at is not None, version_id)

    def version(self, version_id: int) -> KataSpec | None:
        """A version that passed its check, by id: what an attempt item or a submission made on
        it is shown and graded with, whatever is live now. Versions never change, so the
        database is asked only the first time."""
        with self._lock:
            spec = self._cache.get(version_id)
        if spec is not None:
            return spec
        with Session(self._engine) as session:
            row = session.exec(
                select(KataVersion, AuthoredKata.kata_id)
                .join(AuthoredKata, col(AuthoredKata.id) == col(KataVersion.authored_id))
                .where(KataVersion.id == version_id, KataVersion.status == CheckStatus.passed)
            ).first()
        if row is None:
            return None
        version, kata_id = row
        return self._materialise(kata_id, version_id, dict(version.files))

    def version_of(self, spec: KataSpec) -> int | None:
        """The version id of a spec this object wrote; None for a kata from the files."""
        with self._lock:
            return self._version_of.get(spec.path)

    def sync_published(self, katas: Mapping[str, KataSpec]) -> dict[str, KataSpec]:
        """The published katas whose live version is missing from `katas` (the public
        catalog) or older, so that what another process published or checked shows in this
        one's listings too. Asks the database at most every PUBLISHED_SYNC_SECONDS (between
        times it finds nothing); a kata from the files keeps its id."""
        now = time.monotonic()
        with self._lock:
            if now < self._next_sync:
                return {}
            self._next_sync = now + PUBLISHED_SYNC_SECONDS
        with Session(self._engine) as session:
            rows = session.exec(
                select(AuthoredKata.kata_id, AuthoredKata.live_version_id).where(
                    col(AuthoredKata.published_at).is_not(None),
                    col(AuthoredKata.live_version_id).is_not(None),
                )
            ).all()
        found: dict[str, KataSpec] = {}
        for kata_id, version_id in rows:
            current = katas.get(kata_id)
            if current is not None and not self.wrote(current):
                continue  # a kata from the files
            if self._synced.get(kata_id) == version_id and current is not None:
                continue
            live = self.get(kata_id)
            if live is not None and live.published:
                found[kata_id] = live.spec
                self._synced[kata_id] = live.version_id
        return found

    def accepted_of(self, owner_id: int) -> list[KataSpec]:
        """The live versions of one owner's katas (their set editor offers them), by title."""
        found = self._specs(
            AuthoredKata.owner_id == owner_id, col(AuthoredKata.live_version_id).is_not(None)
        )
        return sorted(found, key=lambda spec: spec.title)

    def _specs(self, *where: Any) -> list[KataSpec]:
        with Session(self._engine) as session:
            ids = session.exec(select(AuthoredKata.kata_id).where(*where)).all()
        found = [self.get(kata_id) for kata_id in ids]
        return [live.spec for live in found if live is not None]

    def wrote(self, spec: KataSpec) -> bool:
        """Whether `spec` is a version of an authored kata (one this object wrote out)."""
        return self._root in spec.path.parents

    def close(self) -> None:
        shutil.rmtree(self._root, ignore_errors=True)

    def _materialise(self, kata_id: str, version_id: int, files: dict[str, str]) -> KataSpec:
        with self._lock:
            if version_id in self._cache:
                return self._cache[version_id]
            root = self._root / str(version_id)
            write_folder(root / kata_id, files)
            spec = load_kata(root, kata_id)
            self._cache[version_id] = spec
            self._version_of[spec.path] = version_id
            return spec


class WithLive(Mapping[str, KataSpec]):
    """The file katas, then the authored katas' live versions: what grading looks ids up in.

    `katas` gives the current public catalog on each call: writers replace that dict rather
    than change it (server/catalog.py), so this must not keep the one it first saw."""

    def __init__(self, katas: Callable[[], Mapping[str, KataSpec]], live: LiveKatas) -> None:
        self._katas = katas
        self._live = live

    def __getitem__(self, kata_id: str) -> KataSpec:
        found = self._katas().get(kata_id)
        if found is not None and not self._live.wrote(found):
            return found
        # An authored kata is graded on its live version now, whatever the catalog last saw.
        live = self._live.get(kata_id)
        if live is None:
            raise KeyError(kata_id)
        return live.spec

    def version(self, version_id: int) -> KataSpec | None:
        """An authored kata's version by id (LiveKatas.version)."""
        return self._live.version(version_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._katas())

    def __len__(self) -> int:
        return len(self._katas())
