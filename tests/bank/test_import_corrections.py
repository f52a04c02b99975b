"""Corrections: applied as visible editor's notes; a stale or broken entry is a located error."""

from __future__ import annotations

import tomllib
from pathlib import Path

from server.bank.files import QuestionDoc, load_bank
from server.config import PROJECT_ROOT
from tests.bank.conftest import FLASHCARDS, QA_PAGE, RunImport

KNOWN = f'''
[[correction]]
note = "{QA_PAGE}"        # which note
match = "set(X).intersect(set(Y))"
editor_note = """Python sets have no `intersect` method: \\
use `set(X) & set(Y)` or `set(X).intersection(Y)`."""
verified = "ran it: AttributeError: 'set' object has no attribute 'intersect'"

[[correction]]
note = "{QA_PAGE}"
match = "k-Means Clustering (kMC) is a classifier."
editor_note = "k-means is an **unsupervised clustering** algorithm, not a classifier."

[[correction]]
note = "{FLASHCARDS}"
match = "L1 is sum of the weights"
editor_note = """L1 is the sum of the **absolute values** of the weights.
A plain sum would let positive and negative weights cancel out."""
'''


def _bank(bank_dir: Path) -> dict[str, QuestionDoc]:
    docs, errors = load_bank(bank_dir)
    assert errors == []
    return {doc.prompt: doc for doc in docs}


def test_each_correction_is_appended_to_its_answer_as_an_editors_note(
    bank_dir: Path, run_import: RunImport
) -> None:
    report, _ = run_import(bank_dir, QA_PAGE, FLASHCARDS, corrections=KNOWN)
    assert report.errors == [] and report.corrected == 3
    bank = _bank(bank_dir)
    intersection = next(d for d in bank.values() if d.prompt.startswith("Given two arrays"))
    assert intersection.answer.endswith(
        "> **Editor's note:** Python sets have no `intersect` method: use `set(X) & set(Y)` or"
        " `set(X).intersection(Y)`."
    )
    models = bank["What are the pros and cons of popular machine learning models?"]
    assert (
        "> **Editor's note:** k-means is an **unsupervised clustering** algorithm" in models.answer
    )
    l1 = bank["What are L1 and L2 regularazation?"]
    assert l1.answer.endswith(
        "> **Editor's note:** L1 is the sum of the **absolute values** of the weights.\n"
        "> A plain sum would let positive and negative weights cancel out."
    )
    noted = [d for d in bank.values() if "Editor's note" in d.answer]
    assert len(noted) == 3


def test_a_correction_that_matches_nothing_names_the_file_and_entry_line(
    bank_dir: Path, run_import: RunImport
) -> None:
    stale = (
        KNOWN
        + f'''
[[correction]]
note = "{QA_PAGE}"
match = "this text is not in the note"
editor_note = "stale"
'''
    )
    report, _ = run_import(bank_dir, QA_PAGE, FLASHCARDS, corrections=stale)
    corrections = bank_dir / "corrections.toml"
    lines = stale.splitlines()
    line = len(lines) - lines[::-1].index("[[correction]]")  # the last entry's header
    assert report.errors == [
        f"{corrections}:{line}: correction matches nothing: 'this text is not in the note' "
        f"is not in any question from {QA_PAGE}"
    ]
    assert report.corrected == 3  # the good entries still apply
    # Every question is still written: 247 + 91 drafts, less the 5 repeats merged.
    assert len(_bank(bank_dir)) == len(report.created) == 333


def test_a_match_in_another_note_does_not_count(bank_dir: Path, run_import: RunImport) -> None:
    wrong_note = f'''[[correction]]
note = "{FLASHCARDS}"
match = "set(X).intersect(set(Y))"
editor_note = "wrong note"
'''
    report, _ = run_import(bank_dir, QA_PAGE, FLASHCARDS, corrections=wrong_note)
    assert len(report.errors) == 1 and "correction matches nothing" in report.errors[0]
    assert not [d for d in _bank(bank_dir).values() if "wrong note" in d.answer]


def test_a_broken_corrections_file_is_located_and_the_import_goes_on(
    bank_dir: Path, run_import: RunImport
) -> None:
    report, _ = run_import(bank_dir, FLASHCARDS, corrections='[[correction]]\nnote = "x\n')
    assert len(report.errors) == 1
    assert report.errors[0].startswith(
        f"{bank_dir / 'corrections.toml'}:2: broken corrections file"
    )
    assert len(report.created) == 90


def test_an_entry_with_a_missing_or_unknown_key_is_located(
    bank_dir: Path, run_import: RunImport
) -> None:
    text = f"""[[correction]]
note = "{FLASHCARDS}"
match = "CPU only"

[[correction]]
note = "{FLASHCARDS}"
match = "CPU only"
editor_note = "x"
colour = "red"
"""
    report, _ = run_import(bank_dir, FLASHCARDS, corrections=text)
    path = bank_dir / "corrections.toml"
    assert report.errors == [
        f"{path}:1: correction entry: missing 'editor_note'",
        f"{path}:5: correction entry: unknown keys colour"
        " (known: note, match, editor_note, verified)",
    ]


def test_without_a_corrections_file_nothing_is_corrected(
    bank_dir: Path, run_import: RunImport
) -> None:
    report, _ = run_import(bank_dir, FLASHCARDS)
    assert report.errors == [] and report.corrected == 0


def test_the_projects_corrections_all_match_the_notes(
    bank_dir: Path, run_import: RunImport
) -> None:
    text = (PROJECT_ROOT / "questions" / "corrections.toml").read_text(encoding="utf-8")
    report, _ = run_import(bank_dir, corrections=text)
    assert report.errors == []
    assert report.corrected == len(tomllib.loads(text)["correction"])
