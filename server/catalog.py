"""The content catalog: questions/ (and katas/, once the engine can load them) read at start-up.

Content lives in files; the database mirrors each question and kata by id so that history can
point at it. A question removed from the files keeps its row, marked `removed_at`, and gets it
cleared when the file comes back.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from server.bank.files import BankError, QuestionDoc, load_bank
from server.config import Settings
from server.models import Kata, Question, utcnow

__all__ = ["Catalog", "load_catalog", "sync_catalog"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Catalog:
    """What the files hold right now: questions by id, katas by id, and the load errors."""

    questions: dict[str, QuestionDoc]
    errors: tuple[BankError, ...] = ()
    katas: dict[str, Any] = field(default_factory=dict)
    kata_errors: tuple[str, ...] = ()

    def question(self, question_id: str) -> QuestionDoc | None:
        return self.questions.get(question_id)

    def topics(self) -> list[str]:
        """Every topic used by at least one question, sorted."""
        return sorted({topic for doc in self.questions.values() for topic in doc.topics})


def load_catalog(settings: Settings) -> Catalog:
    """Read the question files (and katas when `graders.load_katas` exists); log every error."""
    docs, errors = load_bank(settings.questions_dir)
    for error in errors:
        log.error("question bank: %s", error)
    katas, kata_errors = _load_katas(settings.katas_dir)
    for message in kata_errors:
        log.error("katas: %s", message)
    return Catalog(
        questions={doc.id: doc for doc in docs},
        errors=tuple(errors),
        katas=katas,
        kata_errors=tuple(kata_errors),
    )


def _load_katas(katas_dir: Path) -> tuple[dict[str, Any], list[str]]:
    # The grading engine is written alongside the server; until it exposes load_katas there is
    # nothing to mirror, and the server must still start.
    try:
        loader: Callable[[Path], Any] = importlib.import_module("graders").load_katas
    except (ImportError, AttributeError):
        return {}, []
    result = loader(katas_dir)
    katas, errors = result if isinstance(result, tuple) else (result, [])
    return {kata.id: kata for kata in katas}, [str(error) for error in errors]


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
            "title": getattr(kata, "title", kata.id),
            "topics": list(getattr(kata, "topics", ())),
            "difficulty": getattr(kata, "difficulty", ""),
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
    rows = {row.id: row for row in session.exec(select(table)).all()}
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
