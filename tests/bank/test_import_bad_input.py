"""A malformed note is reported with file and line; the other notes still import."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bank.conftest import HTML, QA_PAGE, RunImport


def _only_html_imported(bank_dir: Path) -> None:
    assert len(list(bank_dir.glob("*.md"))) == 6


def test_a_note_that_is_not_utf8_is_located_by_line(bank_dir: Path, run_import: RunImport) -> None:
    bad = bank_dir / "notes" / "bad.txt"
    bad.write_bytes(b"Title\nfine line\nbroken \xff\xfe line\n")
    report, progress = run_import(bank_dir, "bad.txt", HTML)
    assert report.errors == [f"{bad}:3: not UTF-8 text (byte 23)"]
    assert any(
        line.startswith(f"{bank_dir / 'notes' / HTML}: html note, 6 questions") for line in progress
    )
    _only_html_imported(bank_dir)


def test_a_qa_page_whose_index_names_a_missing_question_is_located(
    bank_dir: Path, run_import: RunImport
) -> None:
    page = bank_dir / "notes" / QA_PAGE
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[4] = "- What is a question nobody answered?"
    truncated = bank_dir / "notes" / "truncated.txt"
    truncated.write_text("\n".join(lines), encoding="utf-8")
    report, _ = run_import(bank_dir, "truncated.txt", HTML)
    assert report.errors == [
        f"{truncated}:5: index entry 'What is a question nobody answered?'"
        " has no section in the body"
    ]
    _only_html_imported(bank_dir)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the note is empty"),
        ("   \n\n", "the note is empty"),
        ("My Flashcards\nWhat is bagging?\nresampling with replacement\nWhat is boosting?\n",
         ":4: card 'What is boosting?' has no answer"),
        ("<!DOCTYPE html><html><body><p>no headings here</p></body></html>",
         ":1: an HTML note needs headings"),
        ("Just a title\n", "freeform notes need a title line and at least one topic"),
        ("Title\nOne lone line\nAnother lone line\n", "no questions found in this freeform note"),
    ],
)  # fmt: skip
def test_each_kind_of_malformed_note_gets_a_located_error(
    bank_dir: Path, run_import: RunImport, text: str, message: str
) -> None:
    bad = bank_dir / "notes" / "bad.txt"
    bad.write_text(text, encoding="utf-8")
    report, _ = run_import(bank_dir, "bad.txt", HTML)
    assert len(report.errors) == 1
    assert report.errors[0].startswith(str(bad)) and message in report.errors[0]
    _only_html_imported(bank_dir)


def test_a_missing_note_file_is_an_error_not_a_crash(bank_dir: Path, run_import: RunImport) -> None:
    report, _ = run_import(bank_dir, "nope.txt", HTML)
    assert report.errors == [
        f"{bank_dir / 'notes' / 'nope.txt'}: cannot read: No such file or directory"
    ]
    _only_html_imported(bank_dir)


def test_a_note_that_fails_keeps_the_files_it_made_before(
    bank_dir: Path, run_import: RunImport
) -> None:
    run_import(bank_dir, HTML)
    before = sorted(bank_dir.glob("*.md"))
    (bank_dir / "notes" / HTML).write_bytes(b"<html>\xff</html>")
    report, _ = run_import(bank_dir, HTML)
    assert len(report.errors) == 1 and report.removed == []
    assert sorted(bank_dir.glob("*.md")) == before
