"""Loading katas: every kata.toml key is validated, defaulted and documented."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from graders import Kata, KataError, Limits, load_kata, load_katas
from graders.spec import DIFFICULTIES
from tests.graders.conftest import KATAS_DIR


@pytest.fixture
def kata_dir(tmp_path: Path) -> Path:
    """A copy of the intersection kata to break."""
    target = tmp_path / "intersection"
    shutil.copytree(KATAS_DIR / "intersection", target)
    return target


def _set_toml(kata_dir: Path, text: str) -> None:
    (kata_dir / "kata.toml").write_text(text, encoding="utf-8")


def test_the_intersection_kata_loads(intersection: Kata) -> None:
    assert intersection.id == "intersection" and intersection.function == "intersection"
    assert intersection.source == "questions/notes/003_f3be471e712f05c9.txt:19"
    assert intersection.limits == Limits(
        wall_seconds=10, cpu_seconds=2, memory_mb=256, output_kb=64
    )
    assert intersection.quick_answer is None and intersection.max_examples == 100
    assert intersection.expected_minutes == 10
    assert "# Intersection of two arrays" in intersection.statement
    assert "raise NotImplementedError" in intersection.starter
    assert set(intersection.harness_files()) == {
        "reference.py",
        "tests_sample.py",
        "tests_hidden.py",
    }


def test_the_source_line_is_the_notes_question(intersection: Kata) -> None:
    note, line = intersection.source.rsplit(":", 1)
    text = (KATAS_DIR.parent / note).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert "intersection of the two" in text and "[1,5,9,0]" in text


def test_every_kata_in_the_repository_loads() -> None:
    katas, errors = load_katas(KATAS_DIR)
    assert errors == []
    assert "intersection" in {kata.id for kata in katas}


def test_omitted_optional_keys_take_their_defaults(kata_dir: Path) -> None:
    _set_toml(
        kata_dir,
        'id = "intersection"\ntitle = "T"\ndifficulty = "easy"\ntopics = []\n'
        'function = "intersection"\nsource = "x:1"\nexpected_minutes = 5\n',
    )
    kata = load_kata(kata_dir.parent, "intersection")
    assert kata.limits == Limits() and kata.max_examples == 100 and kata.quick_answer is None


def test_a_class_kata_names_its_class(kata_dir: Path) -> None:
    text = (kata_dir / "kata.toml").read_text()
    _set_toml(
        kata_dir, text.replace('function = "intersection"', 'kind = "class"\nfunction = "Cache"')
    )
    kata = load_kata(kata_dir.parent, "intersection")
    assert (kata.kind, kata.function) == ("class", "Cache")
    assert load_kata(KATAS_DIR, "lru_cache").kind == "class"
    _set_toml(
        kata_dir, text.replace('function = "intersection"', 'kind = "object"\nfunction = "C"')
    )
    with pytest.raises(KataError, match="'kind' must be one of function, class"):
        load_kata(kata_dir.parent, "intersection")


def test_a_quick_answer_is_read(kata_dir: Path) -> None:
    text = (kata_dir / "kata.toml").read_text()
    _set_toml(kata_dir, text + '\n[quick_answer]\nprompt = "P?"\nanswer = "11/216"\n')
    quick = load_kata(kata_dir.parent, "intersection").quick_answer
    assert quick is not None and (quick.answer, quick.abs_tolerance) == ("11/216", 0.0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('difficulty = "easy"', 'difficulty = "trivial"'), "'difficulty' must be one of"),
        (('id = "intersection"', 'id = "other"'), "but the folder is"),
        (('function = "intersection"', 'function = "not valid"'), "identifier"),
        (('topics = ["arrays", "hashing", "sets"]', 'topics = "arrays"'), "'topics'"),
        (("max_examples = 100", "max_examples = 0"), "'max_examples'"),
        (("expected_minutes = 10", "expected_minutes = 0"), "'expected_minutes'"),
        (("expected_minutes = 10", "expected_minutes = 7.5"), "'expected_minutes'"),
        (("expected_minutes = 10\n", ""), "'expected_minutes' must be a positive integer"),
        (("cpu_seconds = 2", "cpu_seconds = -1"), "'limits.cpu_seconds'"),
        (("memory_mb = 256", "memory_mb = 1.5"), "'limits.memory_mb'"),
        (("memory_mb = 256", "memory_mb = 64"), "'limits.memory_mb' must be at least 128"),
        (("cpu_seconds = 2", "cpu_secs = 2"), "unknown key 'limits.cpu_secs'"),
        (('title = "Intersection of two arrays"', 'tittle = "x"'), "unknown key 'tittle'"),
        (('title = "Intersection of two arrays"', "title = ["), "kata.toml"),
    ],
)
def test_a_malformed_kata_toml_names_the_key(
    kata_dir: Path, change: tuple[str, str], message: str
) -> None:
    text = (kata_dir / "kata.toml").read_text()
    assert change[0] in text
    _set_toml(kata_dir, text.replace(change[0], change[1]))
    with pytest.raises(KataError, match=re.escape(message)):
        load_kata(kata_dir.parent, "intersection")


def test_a_missing_file_is_named(kata_dir: Path) -> None:
    (kata_dir / "tests_hidden.py").unlink()
    with pytest.raises(KataError, match=re.escape("tests_hidden.py: missing")):
        load_kata(kata_dir.parent, "intersection")


@pytest.mark.parametrize("kata_id", ["../etc", "Intersection", "", "no such kata"])
def test_ids_that_are_not_katas_are_refused(kata_id: str) -> None:
    with pytest.raises(KataError):
        load_kata(KATAS_DIR, kata_id)


def test_load_katas_reports_each_broken_kata_and_keeps_the_rest(kata_dir: Path) -> None:
    shutil.copytree(kata_dir, kata_dir.parent / "broken")
    katas, errors = load_katas(kata_dir.parent)
    assert [kata.id for kata in katas] == ["intersection"]
    assert len(errors) == 1 and "broken" in errors[0]


def test_every_key_is_documented_in_the_katas_readme() -> None:
    readme = (KATAS_DIR / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_.\[\]]+)` \|", readme, re.MULTILINE))
    keys = {"id", "title", "difficulty", "topics", "function", "source", "max_examples"}
    keys |= {"expected_minutes", "kind", "ordered"}
    keys |= {"[limits]", "[quick_answer]"}
    keys |= {f"limits.{f.name}" for f in dataclasses.fields(Limits)}
    keys |= {"quick_answer.prompt", "quick_answer.answer", "quick_answer.abs_tolerance"}
    assert documented == keys
    for name in dataclasses.fields(Limits):
        assert f"no ({name.default:g})" in readme
    assert all(level in readme for level in DIFFICULTIES)
