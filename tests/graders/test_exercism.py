"""`katabank katas import-exercism`: exercise folders (written here) become working katas.

Every import is checked and every grading runs through the real sandbox.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import graders
from graders import commands, exercism
from graders.exercism import Status
from graders.spec import load_kata, load_katas
from tests.graders.exercism_exercises import (
    CURRENCY_SWAP,
    EXERCISES,
    SHARE_OUT,
    TALLY_COUNTER,
    write_exercise,
)

TRACK = {
    "exercises": {
        "practice": [
            {"slug": "share-out", "name": "Share Out", "difficulty": 2, "practices": ["strings"]},
            {"slug": "tally-counter", "name": "Tally Counter", "difficulty": 8},
        ]
    }
}


def katabank(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="katabank")
    commands.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.run(args))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, exercism.Outcome]]:
    """Every test exercise imported once into a fresh katas folder (with a track config)."""
    root = tmp_path_factory.mktemp("exercism")
    paths = [write_exercise(root / "src", slug, **files) for slug, files in EXERCISES.items()]
    track_path = root / "config.json"
    track_path.write_text(json.dumps(TRACK))
    katas_dir = root / "katas"
    outcomes = exercism.import_exercises(paths, katas_dir, track=exercism.load_track(track_path))
    return katas_dir, {outcome.slug: outcome for outcome in outcomes}


def test_each_exercise_is_imported_skipped_or_refused_with_its_reason(
    imported: tuple[Path, dict[str, exercism.Outcome]],
) -> None:
    katas_dir, outcomes = imported
    statuses = {slug: outcome.status for slug, outcome in outcomes.items()}
    assert statuses == {
        "share-out": Status.IMPORTED,
        "currency-swap": Status.IMPORTED,
        "tally-counter": Status.IMPORTED,
        "ask-name": Status.SKIPPED,
        "broken-sum": Status.REFUSED,
    }
    assert "standard input" in outcomes["ask-name"].reason
    broken = outcomes["broken-sum"]
    assert "sandbox check failed" in broken.reason
    assert broken.problems == (
        "the example (reference.py): expected passed, got failed: test_add failed:"
        " AssertionError: -1 != 5",
    )
    katas, errors = load_katas(katas_dir)
    assert errors == []
    assert [kata.id for kata in katas] == ["currency_swap", "share_out", "tally_counter"]
    assert sorted(path.name for path in katas_dir.iterdir()) == sorted(
        ["currency_swap", "share_out", "tally_counter"]
    ), "no staging folder or refused kata is left behind"


def test_the_kata_says_where_it_comes_from(
    imported: tuple[Path, dict[str, exercism.Outcome]],
) -> None:
    katas_dir, _ = imported
    share = load_kata(katas_dir, "share_out")
    assert (share.title, share.difficulty, share.expected_minutes) == ("Share Out", "easy", 15)
    assert (share.kind, share.function, share.topics) == (
        "function",
        "share_out",
        ("exercism", "strings"),
    )
    assert share.source == "exercism/python: share-out"
    assert share.starter == SHARE_OUT["stub"]
    assert (share.path / "reference.py").read_text() == SHARE_OUT["example"]
    statement = share.statement
    assert statement.startswith(
        "# Share Out\n\nA small exercise called share-out.\n\n## Instructions"
    )
    assert "### Details" in statement and "```python\n# not a heading\n```" in statement
    assert "MIT License, Copyright (c) Exercism" in statement and "by tester" in statement
    swap = load_kata(katas_dir, "currency_swap")
    assert (swap.title, swap.difficulty, swap.expected_minutes) == ("Currency swap", "medium", 20)
    tally = load_kata(katas_dir, "tally_counter")
    assert (tally.kind, tally.function, tally.difficulty) == ("class", "TallyCounter", "hard")
    stand_in = (tally.path / "tally_counter.py").read_text().splitlines()
    assert stand_in[-3:] == [
        'CounterError = _names.exception("CounterError", "Exception")',
        '_names.exception("TooMuch", "ValueError")',
        'TallyCounter = _names.named("TallyCounter")',
    ]


def test_the_first_tests_are_the_sample_and_the_rest_hidden(
    imported: tuple[Path, dict[str, exercism.Outcome]],
) -> None:
    katas_dir, _ = imported
    folder = katas_dir / "share_out"
    sample, hidden = (
        (folder / name).read_text() for name in ("tests_sample.py", "tests_hidden.py")
    )
    assert [line.strip() for line in sample.splitlines() if "def test" in line] == [
        "def test_no_name(self):",
        "def test_a_name(self):",
        "def test_another_name(self):",
    ]
    assert [line.strip() for line in hidden.splitlines() if "def test" in line] == [
        "def test_empty_name(self):",
        "def test_long_name(self):",
        "def test_unicode_name(self):",
    ]
    stand_in = (folder / "share_out.py").read_text()
    assert 'share_out = _names.named("share_out")' in stand_in
    assert load_kata(katas_dir, "share_out").harness_files().keys() == {
        "reference.py",
        "share_out.py",
        "tests_hidden.py",
        "tests_sample.py",
    }


@pytest.mark.parametrize("kata_id", ["share_out", "currency_swap", "tally_counter"])
def test_the_example_passes_and_the_stub_does_not(
    imported: tuple[Path, dict[str, exercism.Outcome]], kata_id: str
) -> None:
    kata = load_kata(imported[0], kata_id)
    passed = graders.grade(kata, (kata.path / "reference.py").read_text())
    assert (passed.verdict, passed.message) == ("passed", f"All {len(passed.tests)} tests passed.")
    assert len(passed.tests) >= 4
    stub = graders.grade(kata, kata.starter)
    assert stub.verdict in ("failed", "error")


def test_run_grades_only_the_sample_tests(
    imported: tuple[Path, dict[str, exercism.Outcome]],
) -> None:
    kata = load_kata(imported[0], "share_out")
    report = graders.grade(kata, SHARE_OUT["example"], hidden=False)
    assert report.passed and len(report.tests) == 3


def test_what_the_candidate_raises_reaches_assert_raises(
    imported: tuple[Path, dict[str, exercism.Outcome]],
) -> None:
    swap = load_kata(imported[0], "currency_swap")
    wrong_message = SHARE_OUT["example"]  # defines neither function
    assert graders.grade(swap, wrong_message).verdict == "error"
    says_other = CURRENCY_SWAP["example"].replace("rate must be positive", "bad rate")
    report = graders.grade(swap, says_other)
    assert report.verdict == "failed"
    assert "'bad rate' != 'rate must be positive'" in report.message


def test_an_exception_class_of_the_exercise_is_told_apart(
    imported: tuple[Path, dict[str, exercism.Outcome]],
) -> None:
    tally = load_kata(imported[0], "tally_counter")
    raises_value_error = TALLY_COUNTER["example"].replace(
        'raise CounterError("cannot', 'raise ValueError("cannot'
    )
    report = graders.grade(tally, raises_value_error)
    assert report.verdict == "error"
    assert report.error is not None and report.error.type == "ValueError"
    assert report.error.input == "tally_counter.add(-1)"
    assert "test_negative_amount" in report.message


def test_reimport_is_idempotent_and_updates_a_changed_exercise(tmp_path: Path) -> None:
    source = write_exercise(tmp_path / "src", "share-out", **SHARE_OUT)
    katas_dir = tmp_path / "katas"
    assert exercism.import_exercise(source, katas_dir).status is Status.IMPORTED
    before = {p.name: p.read_bytes() for p in (katas_dir / "share_out").iterdir()}
    again = exercism.import_exercise(source, katas_dir)
    assert (again.status, again.reason) == (Status.UNCHANGED, "")
    assert {p.name: p.read_bytes() for p in (katas_dir / "share_out").iterdir()} == before
    wrong = katas_dir / "share_out" / "wrong"
    wrong.mkdir()
    (wrong / "no_comma.py").write_text(
        "# expect: failed\ndef share_out(name='you'):\n    return name\n"
    )
    (source / ".docs" / "instructions.md").write_text("# Instructions\n\nShare it out.\n")
    assert exercism.import_exercise(source, katas_dir).status is Status.UPDATED
    assert "Share it out." in load_kata(katas_dir, "share_out").statement
    assert (wrong / "no_comma.py").is_file(), "wrong/ added by hand is kept (and was checked)"


def test_a_reimport_that_cannot_be_put_in_place_keeps_the_earlier_kata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_exercise(tmp_path / "src", "share-out", **SHARE_OUT)
    katas_dir = tmp_path / "katas"
    assert exercism.import_exercise(source, katas_dir).status is Status.IMPORTED
    before = {p.name: p.read_bytes() for p in (katas_dir / "share_out").iterdir()}
    (source / ".docs" / "instructions.md").write_text("# Instructions\n\nShare it out.\n")
    rename = Path.rename

    def full_disk(self: Path, target: str | Path) -> Path:
        # A disk that fails the last step: moving the checked kata from staging into place.
        if self.name == "share_out" and self.parent.name.startswith(".import-exercism-"):
            raise OSError(28, "No space left on device")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", full_disk)
    outcome = exercism.import_exercise(source, katas_dir)
    assert outcome.status is Status.REFUSED
    assert "No space left" in outcome.reason
    assert {p.name: p.read_bytes() for p in (katas_dir / "share_out").iterdir()} == before
    assert [p.name for p in katas_dir.iterdir()] == ["share_out"], "no staging left behind"


def test_a_hand_made_kata_of_the_same_id_is_never_overwritten(tmp_path: Path) -> None:
    katas_dir = tmp_path / "katas"
    shutil.copytree(
        Path(graders.__file__).parent.parent / "katas" / "two_sum", katas_dir / "share_out"
    )
    toml = katas_dir / "share_out" / "kata.toml"
    toml.write_text(toml.read_text().replace('"two_sum"', '"share_out"'))
    before = toml.read_text()
    source = write_exercise(tmp_path / "src", "share-out", **SHARE_OUT)
    outcome = exercism.import_exercise(source, katas_dir)
    assert outcome.status is Status.REFUSED
    assert outcome.reason == (
        f"{katas_dir / 'share_out'} exists and is not an import of the exercise 'share-out':"
        " not overwritten"
    )
    assert toml.read_text() == before


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (
            {"solution_files": ["share_out.py", "helpers.py"]},
            "it has 2 solution files (share_out.py, helpers.py); a kata has one",
        ),
        (
            {
                "tests": SHARE_OUT["tests"].replace(
                    "import unittest", "import sys\nimport unittest"
                )
                + "\n\nclass Io(unittest.TestCase):\n    def test_stdin(self):\n"
                "        sys.stdin.read()\n"
            },
            "it reads standard input (input() or sys.stdin), which a kata cannot give",
        ),
        (
            {"tests": SHARE_OUT["tests"].replace("share_out,\n)", "share_out,\n    GREETING,\n)")},
            "its tests import 'GREETING', which the example does not define as a function or"
            " class (only calls cross to the candidate's process)",
        ),
    ],
)
def test_exercises_a_kata_cannot_express_are_skipped(
    tmp_path: Path, extra: dict[str, object], reason: str
) -> None:
    files: dict[str, Any] = {**SHARE_OUT, **extra}
    source = write_exercise(tmp_path / "src", "share-out", **files)
    outcome = exercism.import_exercise(source, tmp_path / "katas")
    assert (outcome.status, outcome.reason) == (Status.SKIPPED, reason)
    assert not (tmp_path / "katas" / "share_out").exists()


def test_a_folder_that_is_no_exercise_is_refused(tmp_path: Path) -> None:
    (tmp_path / "not-one").mkdir()
    outcome = exercism.import_exercise(tmp_path / "not-one", tmp_path / "katas")
    assert outcome.status is Status.REFUSED
    assert outcome.reason == f"{tmp_path / 'not-one' / '.meta' / 'config.json'}: missing"


def test_the_command_prints_one_json_object(
    imported: tuple[Path, dict[str, exercism.Outcome]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    katas_dir, outcomes = imported
    paths = [outcomes["share-out"].path, outcomes["ask-name"].path]
    track = str(katas_dir.parent / "config.json")  # as imported: the same kata, unchanged
    options = ["--katas-dir", str(katas_dir), "--track-config", track, "--json"]
    assert katabank("katas", "import-exercism", *paths, *options) == 0
    assert json.loads(capsys.readouterr().out) == {
        "katas_dir": str(katas_dir),
        "exercises": [
            {
                "path": paths[0],
                "slug": "share-out",
                "id": "share_out",
                "status": "unchanged",
                "reason": "",
                "problems": [],
            },
            {
                "path": paths[1],
                "slug": "ask-name",
                "id": "ask_name",
                "status": "skipped",
                "reason": outcomes["ask-name"].reason,
                "problems": [],
            },
        ],
    }
    assert katabank("katas", "import-exercism", paths[1], "--katas-dir", str(katas_dir)) == 0
    assert (
        capsys.readouterr().out == f"ask-name -> ask_name: skipped: {outcomes['ask-name'].reason}\n"
    )
    broken = outcomes["broken-sum"].path
    assert katabank("katas", "import-exercism", broken, "--katas-dir", str(katas_dir)) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"broken-sum -> broken_sum: refused: {outcomes['broken-sum'].reason}",
        f"  - {outcomes['broken-sum'].problems[0]}",
    ]
    bad_track = tmp_path / "track.json"
    bad_track.write_text("{}")
    assert katabank("katas", "import-exercism", paths[0], "--track-config", str(bad_track)) == 2
    assert "not an Exercism track config.json" in capsys.readouterr().err


def test_a_katas_folder_that_cannot_be_written_is_a_refusal(tmp_path: Path) -> None:
    source = write_exercise(tmp_path / "src", "share-out", **SHARE_OUT)
    (tmp_path / "katas").write_text("a file where the katas folder should be")
    outcome = exercism.import_exercise(source, tmp_path / "katas")
    assert (outcome.status, outcome.reason) == (
        Status.REFUSED,
        f"cannot write the kata: File exists: {tmp_path / 'katas'}",
    )


SQUARES: dict[str, Any] = {
    "stub": "def square(n):\n    pass\n",
    "example": "def square(n):\n    return n * n\n",
    # Every assertion sits in a subtest: pytest reports each failing subtest, then the test
    # itself as passed (its own body raised nothing).
    "tests": """import unittest

from squares import square


class SquaresTest(unittest.TestCase):
    def test_small(self):
        for n, expected in [(0, 0), (1, 1), (2, 4), (3, 9)]:
            with self.subTest(n=n):
                self.assertEqual(square(n), expected)

    def test_negative(self):
        for n in (-1, -2, -5):
            with self.subTest(n=n):
                self.assertEqual(square(n), n * n)

    def test_large(self):
        for n in (10, 1000, 10**9):
            with self.subTest(n=n):
                self.assertEqual(square(n), n * n)
""",
}


def test_a_failing_subtest_fails_its_test(tmp_path: Path) -> None:
    source = write_exercise(tmp_path / "src", "squares", **SQUARES)
    katas_dir = tmp_path / "katas"
    assert exercism.import_exercise(source, katas_dir).status is Status.IMPORTED
    kata = load_kata(katas_dir, "squares")
    assert graders.grade(kata, SQUARES["example"]).passed
    # Right for 0 and 1, wrong for everything else: every test has a failing subtest.
    report = graders.grade(kata, "def square(n):\n    return abs(n)\n")
    assert report.verdict == "failed", report.message
    assert not any(test.outcome == "passed" for test in report.tests)


DOOR: dict[str, Any] = {
    "stub": "class Door:\n    def open(self):\n        pass\n\n"
    "    def knock(self):\n        pass\n",
    "example": """class Door:
    def __init__(self):
        self.is_open = False

    def open(self):
        self.is_open = True

    def knock(self):
        return "knock knock"
""",
    # `door.is_open` reads an attribute: in the harness it is a stand-in for a call, and
    # would be true for any candidate's door.
    "tests": """import unittest

from door import Door


class DoorTest(unittest.TestCase):
    def test_knock(self):
        self.assertEqual(Door().knock(), "knock knock")

    def test_opens(self):
        door = Door()
        door.open()
        self.assertTrue(door.is_open)
""",
}


@pytest.mark.parametrize(
    "check",
    [
        "self.assertTrue(door.is_open)",
        # No dunder sees `is not None`: the harness refuses a method stand-in never called.
        "self.assertIsNotNone(door.is_open)",
        "self.assertTrue(hasattr(door, 'is_open'))",
    ],
)
def test_tests_that_read_an_objects_attributes_are_refused(tmp_path: Path, check: str) -> None:
    """Only calls cross to the candidate: a test reading a value off their object would
    check nothing, so the example fails it and the exercise is refused, not imported."""
    tests = DOOR["tests"].replace("self.assertTrue(door.is_open)", check)
    source = write_exercise(tmp_path / "src", "door", **{**DOOR, "tests": tests})
    outcome = exercism.import_exercise(source, tmp_path / "katas")
    assert outcome.status is Status.REFUSED
    assert any("example" in problem for problem in outcome.problems), outcome.problems
