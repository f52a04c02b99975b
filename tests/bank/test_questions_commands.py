"""`katabank questions import` and `katabank questions list --json`, run in-process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from server.cli import main

REQUIRED = {"id", "prompt", "answer", "topics", "difficulty", "source"}


@pytest.fixture
def bank(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KATABANK_QUESTIONS_DIR", str(bank_dir))
    return bank_dir


def test_import_without_paths_imports_every_note_and_reports_progress(
    bank: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["questions", "import"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert [line.split(": ", 1)[1] for line in lines[:5]] == [
        "freeform note, 8 questions",
        "course note, 18 questions",
        "flashcards note, 91 questions",
        "qa-page note, 247 questions",
        "html note, 6 questions",
    ]
    assert lines[-1] == (
        "358 created, 0 updated, 0 unchanged, 0 kept hand edits, 0 removed; "
        "12 duplicates merged, 0 corrections applied, 0 errors"
    )
    assert len(list(bank.glob("*.md"))) == 358


def test_list_json_prints_the_whole_bank_with_the_required_keys(
    bank: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["questions", "import"])
    capsys.readouterr()
    assert main(["questions", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 358
    for row in rows:
        assert set(row) >= REQUIRED
        assert isinstance(row["topics"], list) and isinstance(row["key_points"], list)
    by_prompt = {row["prompt"]: row for row in rows}
    lstm = by_prompt["What does LSTM stand for?"]
    assert lstm["answer"] == "Long Short Term Memory"
    assert lstm["source"].startswith("notes/002_0a18b5b45fc26763.txt:")


def test_list_reports_a_broken_file_and_still_prints_the_rest(
    bank: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["questions", "import", str(bank / "notes" / "004_1f52aef684cd8367.txt")])
    capsys.readouterr()
    good = sorted(bank.glob("*.md"))[0]
    broken = bank / "zz-broken.md"
    shutil.copy(good, broken)
    broken.write_text(broken.read_text().replace('difficulty = "', "difficulty = "), "utf-8")
    assert main(["questions", "list", "--json"]) == 1
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 6
    assert f"error: {broken}:" in captured.err and "broken front matter" in captured.err


def test_import_with_a_stale_correction_exits_with_an_error(
    bank: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (bank / "corrections.toml").write_text(
        '[[correction]]\nnote = "004_1f52aef684cd8367.txt"\nmatch = "nowhere"\neditor_note = "x"\n'
    )
    assert main(["questions", "import", str(bank / "notes" / "004_1f52aef684cd8367.txt")]) == 1
    err = capsys.readouterr().err
    assert f"error: {bank / 'corrections.toml'}:1: correction matches nothing" in err
    assert len(list(bank.glob("*.md"))) == 6
