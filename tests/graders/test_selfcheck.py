"""`katabank katas check`: a kata that contradicts itself is caught, a sound one passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graders import Verdict, load_kata
from graders.selfcheck import check_kata, check_katas, expected_verdict
from tests.graders.conftest import KATAS_DIR

SETS = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"


@pytest.fixture
def kata_dir(tmp_path: Path) -> Path:
    """A copy of the intersection kata with only a few wrong/ and right/ files, to break."""
    target = tmp_path / "intersection"
    shutil.copytree(KATAS_DIR / "intersection", target)
    for path in [*target.glob("wrong/*.py"), *target.glob("right/*.py")]:
        if path.name not in ("keeps_duplicates.py", "sets.py"):
            path.unlink()
    return target


def test_the_intersection_kata_is_sound(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_katas(KATAS_DIR, only=["intersection"]) == 0
    err = capsys.readouterr().err
    assert "intersection: ok (" in err and "1 of 1 katas sound" in err


def test_a_wrong_solution_that_passes_is_a_problem(kata_dir: Path) -> None:
    (kata_dir / "wrong" / "not_wrong.py").write_text("# expect: failed\n" + SETS)
    (kata_dir / "wrong" / "no_header.py").write_text(SETS)
    problems, gradings = check_kata(load_kata(kata_dir.parent, "intersection"))
    assert gradings == 5
    assert problems == [
        "wrong/no_header.py: first line must be '# expect: <verdict>'",
        "wrong/not_wrong.py: expected failed, got passed: All 15 tests passed.",
    ]


def test_a_right_solution_that_fails_and_a_passing_starter_are_problems(kata_dir: Path) -> None:
    (kata_dir / "right" / "not_right.py").write_text("def intersection(xs, ys):\n    return xs\n")
    (kata_dir / "starter.py").write_text(SETS)
    problems, _ = check_kata(load_kata(kata_dir.parent, "intersection"))
    assert problems[0] == "starter.py: the starter passes the tests"
    assert problems[1].startswith("right/not_right.py: expected passed, got failed")


def test_a_property_that_filters_too_much_is_a_problem(kata_dir: Path) -> None:
    (kata_dir / "tests_hidden.py").write_text(
        "from hypothesis import HealthCheck, assume, given, settings, strategies as st\n"
        "\n"
        "@settings(suppress_health_check=list(HealthCheck))\n"
        "@given(st.integers(0, 10**6))\n"
        "def test_rarely_runs(solution, x):\n"
        "    assume(x % 300 == 0)\n"
        "\n"
        "@given(st.booleans())\n"
        "def test_small_space_is_fine(solution, flag):\n"
        "    assert solution([flag], [flag]) == [flag]\n"
    )
    problems, _ = check_kata(load_kata(kata_dir.parent, "intersection"))
    assert len(problems) == 1, problems
    assert problems[0].startswith("tests_hidden.py::test_rarely_runs: ran ")
    assert "filter too much" in problems[0]


def test_broken_tests_are_reported_not_raised(kata_dir: Path) -> None:
    (kata_dir / "tests_sample.py").write_text("from reference import nothing_here\n")
    problems, _ = check_kata(load_kata(kata_dir.parent, "intersection"))
    assert problems and all("nothing_here" in problem for problem in problems)


@pytest.mark.parametrize(
    ("first_line", "verdict"),
    [
        ("# expect: failed", Verdict.FAILED),
        ("#expect:timeout", Verdict.TIMEOUT),
        ("# expect: memory  ", Verdict.MEMORY),
        ("# expect: wrong", None),
        ("# expects: failed", None),
        ("def f(): pass", None),
    ],
)
def test_expected_verdicts_are_read_from_the_first_line(
    first_line: str, verdict: Verdict | None
) -> None:
    assert expected_verdict(first_line + "\nx = 1\n") == verdict


def test_unknown_ids_fail_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_katas(KATAS_DIR, only=["no_such_kata"]) == 1
    assert "no kata 'no_such_kata'" in capsys.readouterr().err
