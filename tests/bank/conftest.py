"""Fixtures for the question bank: a temporary bank with the real notes copied in.

bank_dir        tmp questions/ with notes/ holding copies of the five real notes
run_import      run_import(bank_dir, *note_names, corrections=None) -> (report, progress lines)
imported        the five notes imported once per module (read-only for the tests using it)
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from server.bank.importer import ImportReport, import_notes
from server.config import PROJECT_ROOT

NOTES = PROJECT_ROOT / "questions" / "notes"
FREEFORM = "000_c949d0771b722932.txt"
COURSE = "001_887bbb534d3372b9.txt"
FLASHCARDS = "002_0a18b5b45fc26763.txt"
QA_PAGE = "003_f3be471e712f05c9.txt"
HTML = "004_1f52aef684cd8367.txt"

RunImport = Callable[..., tuple[ImportReport, list[str]]]


def _copy_notes(target: Path) -> Path:
    (target / "notes").mkdir(parents=True)
    for note in NOTES.iterdir():
        shutil.copy2(note, target / "notes" / note.name)
    return target


def _import(
    bank: Path, *names: str, corrections: str | None = None
) -> tuple[ImportReport, list[str]]:
    corrections_path = bank / "corrections.toml"
    if corrections is not None:
        corrections_path.write_text(corrections, encoding="utf-8")
    paths = [bank / "notes" / name for name in names] or sorted((bank / "notes").iterdir())
    lines: list[str] = []
    report = import_notes(
        paths, questions_dir=bank, corrections_path=corrections_path, progress=lines.append
    )
    return report, lines


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    return _copy_notes(tmp_path / "questions")


@pytest.fixture
def run_import() -> RunImport:
    return _import


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bank = _copy_notes(tmp_path_factory.mktemp("imported") / "questions")
    report, _ = _import(bank)
    assert report.errors == []
    return bank
