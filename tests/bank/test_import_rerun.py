"""Re-importing: byte-for-byte idempotent, hand edits survive, stale generated files go."""

from __future__ import annotations

from pathlib import Path

from server.bank.files import load_bank, render_question
from tests.bank.conftest import FLASHCARDS, HTML, QA_PAGE, RunImport


def _snapshot(bank: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(bank.glob("*.md"))}


def test_a_second_import_changes_no_byte(bank_dir: Path, run_import: RunImport) -> None:
    first, _ = run_import(bank_dir)
    assert first.errors == [] and len(first.created) == 358
    before = _snapshot(bank_dir)
    second, _ = run_import(bank_dir)
    assert second.errors == []
    assert (second.created, second.updated, second.kept, second.removed) == ([], [], [], [])
    assert len(second.unchanged) == 358
    assert _snapshot(bank_dir) == before


def test_a_hand_edit_survives_re_import_and_is_reported(
    bank_dir: Path, run_import: RunImport
) -> None:
    run_import(bank_dir, HTML)
    path = next(bank_dir.glob("what-is-automl-*.md"))
    edited = path.read_text(encoding="utf-8").replace(
        "AutoML automates the entire ML workflow", "AutoML automates model search and tuning"
    )
    path.write_text(edited, encoding="utf-8")
    report, progress = run_import(bank_dir, HTML)
    assert report.kept == [path]
    assert f"kept hand edit: {path}" in progress
    assert path.read_text(encoding="utf-8") == edited
    assert len(report.unchanged) == 5


def test_a_changed_note_rewrites_only_unedited_files(bank_dir: Path, run_import: RunImport) -> None:
    run_import(bank_dir, HTML)
    automl = next(bank_dir.glob("what-is-automl-*.md"))
    hand = automl.read_text(encoding="utf-8").replace("Keras Auto Tuner", "KerasTuner")
    automl.write_text(hand, encoding="utf-8")
    note = bank_dir / "notes" / HTML
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("NAS - Neural Arch Search", "NAS: Neural Architecture Search"))
    report, _ = run_import(bank_dir, HTML)
    tuning = next(bank_dir.glob("what-is-hyperparameter-tuning-*.md"))
    assert report.updated == [tuning]
    assert "NAS: Neural Architecture Search" in tuning.read_text(encoding="utf-8")
    assert automl.read_text(encoding="utf-8") == hand


def test_files_a_note_no_longer_produces_are_removed_unless_edited(
    bank_dir: Path, run_import: RunImport
) -> None:
    stale = render_question(
        id="old-question-0000aaaa",
        prompt="An old prompt the parser once made?",
        answer="- old",
        topics=(),
        difficulty="easy",
        source=f"notes/{HTML}:36",
        key_points=("old",),
    )
    (bank_dir / "old-question-0000aaaa.md").write_text(stale, encoding="utf-8")
    hand_written = stale.replace("old-question-0000aaaa", "mine-0000bbbb").replace(
        "- old", "- mine"
    )
    (bank_dir / "mine-0000bbbb.md").write_text(hand_written, encoding="utf-8")
    other_note = stale.replace("old-question-0000aaaa", "other-0000cccc").replace(HTML, QA_PAGE)
    (bank_dir / "other-0000cccc.md").write_text(other_note, encoding="utf-8")
    report, _ = run_import(bank_dir, HTML)
    assert report.removed == [bank_dir / "old-question-0000aaaa.md"]
    assert (bank_dir / "mine-0000bbbb.md").read_text(encoding="utf-8") == hand_written
    assert (bank_dir / "other-0000cccc.md").exists()  # its note was not re-imported


def test_an_id_already_used_by_a_hand_written_file_is_not_imported_twice(
    bank_dir: Path, run_import: RunImport
) -> None:
    run_import(bank_dir, FLASHCARDS)
    generated = next(bank_dir.glob("what-does-lstm-stand-for-*.md"))
    mine = bank_dir / "my-lstm-card.md"
    mine.write_text(generated.read_text(encoding="utf-8").replace("Long Short", "Long short"))
    generated.unlink()
    report, _ = run_import(bank_dir, FLASHCARDS)
    assert [error for error in report.errors if "already uses id" in error] == [
        f"{mine}: already uses id '{generated.stem}'; not importing it again"
    ]
    assert not generated.exists()
    docs, errors = load_bank(bank_dir)
    assert errors == [] and len(docs) == 90  # 91 cards, one repeated
