"""The content catalog: questions/ and katas/, read at start-up.

Content lives in files; the database mirrors each question and kata by id so that history can
point at it. A question or kata removed from the files keeps its row, marked `removed_at`, and
gets it cleared when the file comes back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from sqlmodel import Session, col, select

from graders import Kata as KataSpec
from graders import load_katas
from server.bank.files import BankError, QuestionDoc, load_bank
from server.config import Settings
from server.keypoints import Idf, fit_idf
from server.models import Kata, Question, utcnow
from server.search import SearchIndex

__all__ = ["Catalog", "load_catalog", "sync_catalog"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Catalog:
    """What the files hold right now: questions by id, katas by id, and the load errors."""

    questions: dict[str, QuestionDoc]
    errors: tuple[BankError, ...] = ()
    katas: dict[str, KataSpec] = field(default_factory=dict)
    kata_errors: tuple[str, ...] = ()
    # Managers' own questions by id, with their owner: never in `questions` (the public bank).
    private: dict[str, tuple[int, QuestionDoc]] = field(default_factory=dict)
    # Where a private question written in another process is found (hiring.questions.fetch);
    # they never change once written, so what it finds is kept in `private`.
    private_source: Callable[[str], tuple[int, QuestionDoc] | None] | None = None

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
    katas, kata_errors = load_katas(settings.katas_dir)
    for message in kata_errors:
        log.error("katas: %s", message)
    return Catalog(
        questions={doc.id: doc for doc in docs},
        errors=tuple(errors),
        katas={kata.id: kata for kata in katas},
        kata_errors=tuple(kata_errors),
    )


def sync_catalog(*, session: Session, catalog: Catalog, now: datetime | None = None) -> None:
    """Upsert a mirror row per question and kata; mark rows whose files are gone as removed."""
    now = now or utcnow()
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
        if row_id not in present and row.removed_at is None:
            row.removed_at = now
            session.add(row)
