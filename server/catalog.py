"""The content catalog: questions/ and katas/, read at start-up.

Content lives in files; the database mirrors each question and kata by id so that history can
point at it. A question or kata removed from the files keeps its row, marked `removed_at`, and
gets it cleared when the file comes back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from graders import Kata as KataSpec
from graders import load_katas
from server.authoring.library import Live, LiveKatas
from server.bank.files import BankError, QuestionDoc, load_bank
from server.config import Settings
from server.keypoints import Idf, fit_idf
from server.models import Kata, Question, User, utcnow
from server.search import SearchIndex

__all__ = ["Catalog", "load_catalog", "sync_catalog"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Catalog:
    """What the files hold right now: questions by id, katas by id, and the load errors."""

    questions: dict[str, QuestionDoc]
    errors: tuple[BankError, ...] = ()
    # The public catalog: the file katas, then the published authored ones. Requests iterate
    # it while others publish, so it is never changed in place: `put_katas` replaces it.
    katas: Mapping[str, KataSpec] = field(default_factory=dict)
    kata_errors: tuple[str, ...] = ()
    # Managers' own questions by id, with their owner: never in `questions` (the public bank).
    private: dict[str, tuple[int, QuestionDoc]] = field(default_factory=dict)
    # Where a private question written in another process is found (hiring.questions.fetch);
    # they never change once written, so what it finds is kept in `private`.
    private_source: Callable[[str], tuple[int, QuestionDoc] | None] | None = None
    # Katas written in the browser, looked up in the database by id (their live version) or
    # by version id (what an attempt froze); the published ones join `katas`.
    authored: LiveKatas | None = None
    _writing: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    def refreshed(self) -> Catalog:
        """This catalog, with its published authored katas brought up to date first."""
        if self.authored is not None:
            self.put_katas(self.authored.sync_published(self.katas))
        return self

    def put_katas(self, found: Mapping[str, KataSpec]) -> None:
        """Add or replace public katas (published authored ones) by replacing `katas` whole:
        an iterator another request took over the old dict keeps working."""
        if not found:
            return
        with self._writing:  # two writers at once must not lose one's katas
            # Frozen for readers; the one field that moves is swapped, never mutated.
            object.__setattr__(self, "katas", {**self.katas, **found})

    def kata(self, kata_id: str) -> KataSpec | None:
        """A kata of the public catalog by id, including one published since start-up."""
        found = self._find(kata_id)
        if isinstance(found, Live):
            return found.spec if found.published else None
        return found

    def kata_for(self, kata_id: str, user: User) -> KataSpec | None:
        """The kata `user` may practise: a public one, or their own authored one (an admin may
        open any); None otherwise, as for an unknown id."""
        found = self._find(kata_id)
        if isinstance(found, Live):
            return found.spec if found.visible_to(user) else None
        return found

    def kata_version_of(self, kata: KataSpec) -> int | None:
        """The authored kata version `kata` is (to freeze into an item or a submission); None
        for a kata from the files."""
        return self.authored.version_of(kata) if self.authored is not None else None

    def question(self, question_id: str) -> QuestionDoc | None:
        """A question of the public bank (never a manager's own)."""
        return self.questions.get(question_id)

    def held_question(self, question_id: str) -> QuestionDoc | None:
        """A bank question, or a manager's own one: only for showing and scoring the items
        of an attempt that already holds it, never for finding questions."""
        found = self.questions.get(question_id)
        if found is not None:
            return found
        entry = self._private(question_id)
        return entry[1] if entry else None

    def owner_of(self, question_id: str) -> int | None:
        """The manager who wrote a private question; None for bank questions and unknown ids."""
        entry = self._private(question_id)
        return entry[0] if entry else None

    def _private(self, question_id: str) -> tuple[int, QuestionDoc] | None:
        entry = self.private.get(question_id)
        if entry is None and self.private_source is not None:
            entry = self.private_source(question_id)
            if entry is not None:
                self.private[question_id] = entry
        return entry

    def held_kata(self, kata_id: str, version_id: int | None = None) -> KataSpec | None:
        """A catalog kata, or an author's private one: only for showing, grading and scoring
        the items of an attempt that already holds it, never for finding katas. With the
        `version_id` an item or submission was made on, that version, not the live one."""
        if version_id is not None and self.authored is not None:
            frozen = self.authored.version(version_id)
            if frozen is not None:
                return frozen
        found = self._find(kata_id)
        return found.spec if isinstance(found, Live) else found

    def kata_owner_of(self, kata_id: str) -> int | None:
        """Who wrote a private kata; None for catalog katas and unknown ids."""
        found = self._find(kata_id)
        return found.owner_id if isinstance(found, Live) and not found.published else None

    def _find(self, kata_id: str) -> KataSpec | Live | None:
        """A file kata as loaded, or an authored kata's live version now (one query); None
        for an unknown id. Ids are unique across both (authoring.library.save_kata), so a
        file kata never costs a query."""
        found = self.katas.get(kata_id)
        if self.authored is None or (found is not None and not self.authored.wrote(found)):
            return found
        live = self.authored.get(kata_id)
        if live is not None and live.published and found is not live.spec:
            self.put_katas({kata_id: live.spec})  # published or edited since
        return live

    def topics(self) -> list[str]:
        """Every topic used by at least one question, sorted."""
        return sorted({topic for doc in self.questions.values() for topic in doc.topics})

    @cached_property
    def search_index(self) -> SearchIndex:
        """The questions tokenised for search, built on the first search."""
        return SearchIndex(self.questions.values())

    @cached_property
    def idf(self) -> Idf:
        """Word weights over the bank's answers for key-point scoring, fitted on first use."""
        return fit_idf(doc.answer for doc in self.questions.values())


def load_catalog(settings: Settings) -> Catalog:
    """Read the question files and the katas; log every error (the rest still loads)."""
    docs, errors = load_bank(settings.questions_dir)
    for error in errors:
        log.error("question bank: %s", error)
    katas, kata_errors = load_katas(settings.katas_dir, reviewed=True)
    for message in kata_errors:
        log.error("katas: %s", message)
    return Catalog(
        questions={doc.id: doc for doc in docs},
        errors=tuple(errors),
        katas={kata.id: kata for kata in katas},
        kata_errors=tuple(kata_errors),
    )


# Web processes starting together on a new database all insert the same rows: whoever loses
# the race syncs again over the rows the winner wrote.
_SYNC_TRIES = 3


def sync_catalog(*, session: Session, catalog: Catalog, now: datetime | None = None) -> None:
    """Upsert a mirror row per question and kata; mark rows whose files are gone as removed."""
    now = now or utcnow()
    for attempt in range(1, _SYNC_TRIES + 1):
        try:
            _sync_all(session, catalog, now)
            return
        except IntegrityError:
            session.rollback()
            if attempt == _SYNC_TRIES:
                raise
            log.info("catalog: another process wrote the mirror rows first; syncing again")


def _sync_all(session: Session, catalog: Catalog, now: datetime) -> None:
    _sync(
        session,
        Question,
        catalog.questions.values(),
        lambda doc: {
            "prompt": doc.prompt,
            "topics": list(doc.topics),
            "difficulty": doc.difficulty,
            "source": doc.source,
        },
        now,
    )
    _sync(
        session,
        Kata,
        catalog.katas.values(),
        lambda kata: {
            "title": kata.title,
            "topics": list(kata.topics),
            "difficulty": kata.difficulty,
        },
        now,
    )
    session.commit()


def _sync(
    session: Session,
    table: type[Question] | type[Kata],
    items: Iterable[Any],
    values: Callable[[Any], dict[str, Any]],
    now: datetime,
) -> None:
    query = select(table)
    if table is Question:  # managers' own questions are mirrored by hiring, not by the files
        query = query.where(col(Question.owner_id).is_(None))
    existing: Sequence[Any] = session.exec(query).all()
    rows = {row.id: row for row in existing}
    present: set[str] = set()
    for item in items:
        present.add(item.id)
        row = rows.get(item.id)
        if row is None:
            session.add(table(id=item.id, **values(item)))
            continue
        for name, value in values(item).items():
            setattr(row, name, value)
        row.removed_at = None
        session.add(row)
    for row_id, row in rows.items():
        # A row with an owner mirrors content written in the browser, not a file.
        if row_id not in present and row.removed_at is None and row.owner_id is None:
            row.removed_at = now
            session.add(row)
