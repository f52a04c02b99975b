"""The command line: `katabank grade`, `katabank katas list` (katas check: test_selfcheck.py)."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

import graders
from graders import commands
from tests.graders.conftest import KATAS_DIR

RIGHT = KATAS_DIR / "intersection" / "right" / "sets.py"
WRONG = KATAS_DIR / "intersection" / "wrong" / "keeps_duplicates.py"


def katabank(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="katabank")
    commands.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.run(args))


def test_grade_json_is_one_object_and_exit_0_when_passed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert katabank("grade", "intersection", str(RIGHT), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert {"schema", "kata", "verdict", "passed", "tests", "duration_ms", "stdout"} <= set(report)
    assert (report["schema"], report["kata"], report["verdict"]) == (1, "intersection", "passed")
    assert all({"name", "outcome", "message"} <= set(test) for test in report["tests"])


def test_grade_exit_1_when_not_passed_with_the_failure(capsys: pytest.CaptureFixture[str]) -> None:
    assert katabank("grade", "intersection", str(WRONG), "--json", "--sample") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["suite"] == "sample" and report["verdict"] == "failed"
    assert set(report["failure"]) >= {"test", "input", "expected", "got"}


def test_grade_prints_a_readable_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert katabank("grade", "intersection", str(WRONG)) == 1
    out = capsys.readouterr().out
    assert out.startswith("FAILED: test_repeated_values_appear_once failed")
    assert "input:    intersection([1, 0, 9, 9], [3, 0, 9, 9])" in out
    assert "got:      [0, 9, 9]" in out


def test_grade_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Stdin:
        buffer = io.BytesIO(RIGHT.read_bytes())

    monkeypatch.setattr("sys.stdin", Stdin)
    assert katabank("grade", "intersection", "-", "--sample", "--json") == 0
    assert json.loads(capsys.readouterr().out)["passed"] is True


def test_unsafe_mode_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert katabank("grade", "intersection", str(RIGHT), "--sample", "--unsafe-no-sandbox") == 0
    assert "NOT sandboxed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("grade", "no_such_kata", str(RIGHT)), "no such kata"),
        (("grade", "intersection", "/nonexistent/solution.py"), "cannot read"),
    ],
)
def test_usage_errors_exit_2(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert katabank(*argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_the_katas_dir_follows_the_option_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert commands.default_katas_dir() == Path(graders.__file__).parent.parent / "katas"
    monkeypatch.setenv("KATABANK_KATAS_DIR", str(tmp_path))
    assert commands.default_katas_dir() == tmp_path
    assert katabank("grade", "intersection", str(RIGHT)) == 2
    capsys.readouterr()
    assert (
        katabank("grade", "intersection", str(RIGHT), "--sample", "--katas-dir", str(KATAS_DIR))
        == 0
    )


def test_katas_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert katabank("katas", "list", "--json") == 0
    katas = {kata["id"]: kata for kata in json.loads(capsys.readouterr().out)}
    assert katas["intersection"]["limits"]["cpu_seconds"] == 2
    assert katas["intersection"]["difficulty"] == "easy"
    assert katas["intersection"]["expected_minutes"] == 10
    assert {kata["kind"] for kata in katas.values()} == {"function", "class", "sql"}
    sql = [kata for kata in katas.values() if kata["kind"] == "sql"]
    assert len(sql) >= 6
    assert all("sql" in kata["topics"] and kata["function"] == "query" for kata in sql)
    assert katas["sql_running_balance"]["ordered"] is True
    assert katas["intersection"]["ordered"] is False
    stateful = {kata_id for kata_id, kata in katas.items() if kata["kind"] == "class"}
    assert {"lru_cache", "streaming_median", "rate_limiter"} <= stateful
    assert katas["lru_cache"]["function"] == "LRUCache"


def test_katas_list_reports_a_broken_kata_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "kata.toml").write_text('id = "broken"\n')
    assert katabank("katas", "list", "--katas-dir", str(tmp_path)) == 1
    assert "broken" in capsys.readouterr().err
