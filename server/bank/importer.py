"""`katabank questions import`: notes in, question files out, hand edits never touched.

Re-running is idempotent: each file carries `imported_hash`, the hash of the content the
importer wrote. A file whose content no longer matches was edited by hand and is kept as it
is ("kept hand edit"); an unedited file is rewritten only when the generated content changed,
and an unedited file that a re-imported note no longer produces is removed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from server.bank.corrections import Correction, editor_note_markdown, load_corrections
from server.bank.derive import difficulty_for, key_points_for
from server.bank.files import is_hand_edited, load_bank, question_id, render_question
from server.bank.prompts import normalise
from server.bank.shapes import Draft, NoteError, detect_shape, parse_note
from server.bank.text import clean_inline
from server.bank.topics import topics_for

__all__ = ["ImportReport", "import_notes"]

_FILLER = {"a", "an", "the", "in", "of", "on", "for", "to"}


@dataclass
class ImportReport:
    """What an import did, file by file, and what went wrong where."""

    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    merged: int = 0
    corrected: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class _Question:
    drafts: list[Draft]
    notes: list[str] = field(default_factory=list)  # editor's notes from corrections
    wrong: list[str] = field(default_factory=list)  # the text those corrections flag

    @property
    def fullest(self) -> Draft:
        return max(self.drafts, key=lambda draft: len(draft.answer))


def import_notes(
    paths: Sequence[Path],
    *,
    questions_dir: Path,
    corrections_path: Path,
    progress: Callable[[str], None],
) -> ImportReport:
    """Import notes into `questions_dir`; problems are reported, never half-applied."""
    report = ImportReport()
    drafts: list[Draft] = []
    imported_notes: set[str] = set()
    sources: dict[str, str] = {}
    for path in paths:
        note_drafts = _read_note(path, report, progress)
        if note_drafts is None:
            continue
        sources[path.name] = _source_name(path, questions_dir)
        imported_notes.add(path.name)
        drafts.extend(note_drafts)
    questions = _merge(drafts, report)
    corrections, problems = load_corrections(corrections_path)
    report.errors.extend(str(problem) for problem in problems)
    _apply(corrections, questions, report)
    _write(questions, sources, imported_notes, questions_dir, report, progress)
    return report


def _read_note(
    path: Path, report: ImportReport, progress: Callable[[str], None]
) -> list[Draft] | None:
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
        shape = detect_shape(text)
        drafts = parse_note(path.name, text)
    except OSError as exc:
        report.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        return None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.errors.append(f"{path}:{line}: not UTF-8 text (byte {exc.start})")
        return None
    except NoteError as exc:
        where = f"{path}:{exc.line}" if exc.line is not None else str(path)
        report.errors.append(f"{where}: {exc.message}")
        return None
    if not drafts:
        report.errors.append(f"{path}: no questions found in this {shape} note")
        return None
    progress(f"{path}: {shape} note, {len(drafts)} questions")
    return drafts


def _source_name(path: Path, questions_dir: Path) -> str:
    try:
        return str(path.resolve().relative_to(questions_dir.resolve()))
    except ValueError:
        return str(path)


def _duplicate_key(prompt: str) -> str:
    return " ".join(word for word in normalise(prompt).split() if word not in _FILLER)


def _merge(drafts: list[Draft], report: ImportReport) -> list[_Question]:
    """One question per prompt the notes repeat: the fullest answer wins, every source is kept."""
    by_key: dict[str, _Question] = {}
    for draft in drafts:
        key = _duplicate_key(draft.prompt)
        if key in by_key:
            by_key[key].drafts.append(draft)
            report.merged += 1
        else:
            by_key[key] = _Question([draft])
    return list(by_key.values())


def _apply(corrections: list[Correction], questions: list[_Question], report: ImportReport) -> None:
    # Whitespace-normalised once per draft, not once per correction: the notes run to 474 KB.
    searchable = [
        (question, [(draft.note, _searchable(draft)) for draft in question.drafts])
        for question in questions
    ]
    for correction in corrections:
        wanted = clean_inline(correction.match)
        hits = [
            question
            for question, drafts in searchable
            if any(
                note == correction.note and any(wanted in text for text in texts)
                for note, texts in drafts
            )
        ]
        if not hits:
            report.errors.append(
                f"{correction.path}:{correction.line}: correction matches nothing: "
                f"{correction.match!r} is not in any question from {correction.note}"
            )
            continue
        for question in hits:
            question.notes.append(editor_note_markdown(correction.editor_note))
            question.wrong.append(correction.match)
        report.corrected += 1


def _searchable(draft: Draft) -> tuple[str, str]:
    """Where a correction's `match` may be: the note's own text, or the prompt and answer."""
    return clean_inline(draft.raw), clean_inline(f"{draft.prompt} {draft.answer}")


def _write(
    questions: list[_Question],
    sources: dict[str, str],
    imported_notes: set[str],
    questions_dir: Path,
    report: ImportReport,
    progress: Callable[[str], None],
) -> None:
    questions_dir.mkdir(parents=True, exist_ok=True)
    existing, _ = load_bank(questions_dir)
    owner = {doc.id: doc.path for doc in existing}
    produced: set[str] = set()
    for question in questions:
        first, best = question.drafts[0], question.fullest
        qid = question_id(first.note, first.prompt)
        produced.add(qid)
        path = questions_dir / f"{qid}.md"
        if qid in owner and owner[qid] != path:
            report.errors.append(f"{owner[qid]}: already uses id {qid!r}; not importing it again")
            continue
        text = _render(qid, question, best, sources)
        if not path.exists():
            _atomic_write(path, text)
            report.created.append(path)
            continue
        current = path.read_text(encoding="utf-8")
        if is_hand_edited(current):
            report.kept.append(path)
            progress(f"kept hand edit: {path}")
        elif current == text:
            report.unchanged.append(path)
        else:
            _atomic_write(path, text)
            report.updated.append(path)
    for doc in existing:
        note = Path(doc.source.rsplit(":", 1)[0]).name
        stale = note in imported_notes and doc.id not in produced and doc.path.exists()
        if stale and not is_hand_edited(doc.path.read_text(encoding="utf-8")):
            doc.path.unlink()
            report.removed.append(doc.path)


def _render(qid: str, question: _Question, best: Draft, sources: dict[str, str]) -> str:
    places = [f"{sources[best.note]}:{best.line}"]
    places += [
        f"{sources[draft.note]}:{draft.line}" for draft in question.drafts if draft is not best
    ]
    answer = "\n\n".join([best.answer.strip(), *question.notes])
    given = tuple(topic for draft in question.drafts for topic in draft.topics)
    return render_question(
        id=qid,
        prompt=best.prompt,
        answer=answer,
        topics=topics_for(best.prompt, best.answer, given),
        difficulty=difficulty_for(best.prompt, best.answer),
        source=places[0],
        also_in=tuple(dict.fromkeys(places[1:])),
        key_points=key_points_for(
            best.answer, prompt=best.prompt, corrections=question.notes, wrong=question.wrong
        ),
    )


def _atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a question."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
