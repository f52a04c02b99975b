"""grade() through the real sandbox: every verdict, useful feedback, determinism, threads."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import graders
from graders import GraderError, Kata, Verdict, grade
from graders.errors import NOT_GRADED
from graders.pool import Pool
from tests.graders.conftest import KATAS_DIR

RIGHT = sorted((KATAS_DIR / "intersection" / "right").glob("*.py"))
SETS = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
# Right on every example, wrong for negative even values: only the property finds it.
DROPS_NEGATIVE_EVEN = (
    "def intersection(xs, ys):\n    return [v for v in set(xs) & set(ys) if v >= 0 or v % 2]\n"
)


def _source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", RIGHT, ids=[p.stem for p in RIGHT])
def test_correct_solutions_in_every_style_pass(intersection: Kata, path: Path) -> None:
    report = grade(intersection, _source(path))
    assert report.verdict is Verdict.PASSED, report.message
    assert report.passed and report.failure is None and report.error is None
    assert {t.outcome for t in report.tests} == {"passed"}
    assert any(t.examples == intersection.max_examples for t in report.tests)


def test_run_checks_only_the_sample_tests(intersection: Kata) -> None:
    report = grade(intersection, SETS, hidden=False)
    assert report.passed and report.suite == "sample"
    assert report.tests and all(t.name.startswith("tests_sample.py::") for t in report.tests)


def test_keeping_duplicates_fails_on_the_notes_example(intersection: Kata) -> None:
    report = grade(intersection, _source(KATAS_DIR / "intersection/wrong/keeps_duplicates.py"))
    assert report.verdict is Verdict.FAILED
    assert report.failure is not None
    assert report.failure.test == "tests_sample.py::test_repeated_values_appear_once"
    assert report.failure.input == "intersection([1, 0, 9, 9], [3, 0, 9, 9])"
    assert report.failure.got == "[0, 9, 9]"
    assert "repeated" in report.failure.reason and "[9]" in report.message


def test_a_property_failure_shows_the_minimal_input(intersection: Kata) -> None:
    report = grade(intersection, DROPS_NEGATIVE_EVEN)
    assert report.verdict is Verdict.FAILED
    assert report.failure is not None
    assert report.failure.test == "tests_hidden.py::test_matches_reference"
    assert report.failure.input == "intersection([-2], [-2])"
    assert (report.failure.expected, report.failure.got) == ("[-2]", "[]")
    outcomes = {t.name.rpartition("::")[2]: t.outcome for t in report.tests}
    assert outcomes["test_matches_reference"] == "failed"
    assert outcomes["test_notes_example"] == "passed"


def test_returning_a_set_fails_and_says_so(intersection: Kata) -> None:
    report = grade(intersection, _source(KATAS_DIR / "intersection/wrong/returns_set.py"))
    assert report.verdict is Verdict.FAILED
    assert report.failure is not None and "expected a list, got set" in report.failure.reason


def test_an_exception_is_an_error_with_only_the_candidates_frames(intersection: Kata) -> None:
    source = (
        "def intersection(xs, ys):\n"
        "    print('looking at', xs)\n"
        "    first = helper(xs)\n"
        "    return list(set(xs) & set(ys)) if first is not None else []\n"
        "\n"
        "def helper(xs):\n"
        "    return xs[0]\n"
    )
    report = grade(intersection, source)
    assert report.verdict is Verdict.ERROR
    error = report.error
    assert error is not None
    assert (error.type, error.message, error.line) == ("IndexError", "list index out of range", 7)
    assert error.input == "intersection([], [1, 2])"
    assert 'File "solution.py", line 3, in intersection' in error.traceback
    assert 'File "solution.py", line 7, in helper' in error.traceback
    assert "graders" not in error.traceback and "pytest" not in error.traceback
    assert "looking at [1, 5, 9, 0]" in report.stdout


def test_a_syntax_error_reports_its_line(intersection: Kata) -> None:
    report = grade(intersection, _source(KATAS_DIR / "intersection/wrong/syntax_error.py"))
    assert report.verdict is Verdict.ERROR and not report.tests
    assert report.error is not None
    assert (report.error.type, report.error.line) == ("SyntaxError", 2)
    assert "line 2" in report.message


def test_a_missing_function_is_named(intersection: Kata) -> None:
    report = grade(intersection, _source(KATAS_DIR / "intersection/wrong/wrong_name.py"))
    assert report.verdict is Verdict.ERROR
    assert report.error is not None and "'intersection'" in report.error.message


def test_the_starter_is_an_error(intersection: Kata) -> None:
    report = grade(intersection, intersection.starter)
    assert report.verdict is Verdict.ERROR
    assert report.error is not None and report.error.type == "NotImplementedError"


def test_spinning_is_a_timeout_on_cpu(short_kata: Kata) -> None:
    report = grade(short_kata, "def intersection(xs, ys):\n    while True:\n        pass\n")
    assert report.verdict is Verdict.TIMEOUT
    assert "1 s of CPU time" in report.message
    assert [t.outcome for t in report.tests] == ["timeout"]


def test_sleeping_is_a_timeout_on_wall_time(short_kata: Kata) -> None:
    source = "import time\n\ndef intersection(xs, ys):\n    time.sleep(60)\n"
    report = grade(short_kata, source, hidden=False)
    assert report.verdict is Verdict.TIMEOUT
    assert "longer than 6 s" in report.message


def test_allocating_too_much_is_memory(short_kata: Kata) -> None:
    source = "def intersection(xs, ys):\n    return [bytearray(10**9)]\n"
    report = grade(short_kata, source, hidden=False)
    assert report.verdict is Verdict.MEMORY
    assert "256 MiB" in report.message


def test_allocating_at_import_is_memory_too(short_kata: Kata) -> None:
    report = grade(short_kata, "hoard = bytearray(10**9)\n", hidden=False)
    assert report.verdict is Verdict.MEMORY


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("", "empty"),
        ("  \n\t\n", "empty"),
        (b"def intersection(xs, ys):\n    return '\xff'\n", "UTF-8"),
        ("x = '\udc80'\n", "UTF-8"),
        ("#" * (64 * 1024 + 1), "64 KiB"),
    ],
)
def test_unacceptable_submissions_are_rejected(
    intersection: Kata, source: str | bytes, why: str
) -> None:
    report = grade(intersection, source)
    assert report.verdict is Verdict.REJECTED and why in report.message
    assert not report.tests


def test_stdout_is_returned(intersection: Kata) -> None:
    source = "def intersection(xs, ys):\n    print(len(xs))\n    return list(set(xs) & set(ys))\n"
    report = grade(intersection, source, hidden=False)
    assert report.passed
    assert report.stdout == "4\n4\n0\n" and not report.stdout_truncated


def test_printing_past_the_limit_stops_the_run(short_kata: Kata) -> None:
    source = "def intersection(xs, ys):\n    print('y' * 20000)\n    return []\n"
    report = grade(short_kata, source, hidden=False)
    assert report.verdict is Verdict.ERROR and "8 KiB" in report.message
    assert report.stdout == "y" * 8192 and report.stdout_truncated


def test_grading_is_deterministic(intersection: Kata) -> None:
    first, second = (grade(intersection, DROPS_NEGATIVE_EVEN).to_json() for _ in range(2))
    first["duration_ms"] = second["duration_ms"] = 0
    assert first == second


def test_many_threads_grade_at_once(intersection: Kata) -> None:
    sources = [SETS, DROPS_NEGATIVE_EVEN, "def intersection(xs, ys):\n    return 1 / 0\n", SETS] * 2
    with ThreadPoolExecutor(4) as executor:
        verdicts = list(executor.map(lambda source: grade(intersection, source).verdict, sources))
    assert verdicts == [Verdict.PASSED, Verdict.FAILED, Verdict.ERROR, Verdict.PASSED] * 2


def test_unsafe_mode_grades_the_same_way_without_isolation(intersection: Kata) -> None:
    passed = grade(intersection, SETS, unsafe_no_sandbox=True)
    failed = grade(intersection, DROPS_NEGATIVE_EVEN, unsafe_no_sandbox=True)
    assert passed.passed and not passed.sandboxed
    assert failed.failure is not None and failed.failure.input == "intersection([-2], [-2])"


def test_without_bubblewrap_grading_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(graders.SandboxUnavailable, match="--unsafe-no-sandbox"):
        Pool(isolate=True)


def test_where_namespaces_are_refused_grading_refuses_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bwrap that fails as it does in a locked-down container."""
    fake = tmp_path / "bwrap"
    fake.write_text(
        "#!/bin/sh\necho 'bwrap: Creating new namespace failed: Operation not permitted' >&2\n"
        "exit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    with pytest.raises(graders.SandboxUnavailable, match="Creating new namespace failed"):
        pool = Pool(isolate=True)
        try:
            pool.take()
        finally:
            pool.close()


def test_a_kata_whose_tests_are_broken_raises_kata_error(
    with_sample_tests: Callable[[str], Kata],
) -> None:
    kata = with_sample_tests("from reference import nothing_here\n")
    with pytest.raises(graders.KataError) as raised:
        grade(kata, SETS, hidden=False)
    assert "nothing_here" in raised.value.detail


def _draws_in_a_property(import_line: str, draw: str, then: str) -> str:
    """Sample tests: a property that keeps `draw` of every example in `draws`, then `then`."""
    return (
        f"{import_line}\n"
        "from hypothesis import given, strategies as st\n"
        "\n"
        "draws = []\n"
        "\n"
        "@given(st.integers())\n"
        "def test_draw(solution, n):\n"
        f"    draws.append({draw})\n"
        "\n"
        f"{then}"
    )


def test_numpy_random_is_seeded_once_per_worker_not_per_example(
    with_sample_tests: Callable[[str], Kata],
) -> None:
    """Hypothesis leaves numpy's global RNG alone: resetting it per example cost ~15 ms."""
    kata = with_sample_tests(
        _draws_in_a_property(
            "import numpy as np",
            "np.random.random()",
            "def test_draws_go_on_from_seed_zero(solution):\n"
            "    assert len(set(draws)) == len(draws) > 1\n"
            "    assert draws[:2] == list(np.random.RandomState(0).random(2))\n",
        )
    )
    report = grade(kata, SETS, hidden=False)
    assert report.passed, report.message


def test_pythons_random_starts_alike_in_every_example(
    with_sample_tests: Callable[[str], Kata],
) -> None:
    """Hypothesis still seeds Python's global RNG per example (it manages fewer RNGs in a
    grading, not that one): a test that draws from it gets the same numbers every time an
    example runs, as replays and shrinking need."""
    kata = with_sample_tests(
        _draws_in_a_property(
            "import random",
            "random.random()",
            "def test_every_example_drew_the_same(solution):\n"
            "    assert len(draws) > 1 and len(set(draws)) == 1\n",
        )
    )
    report = grade(kata, SETS, hidden=False)
    assert report.passed, [t.message for t in report.tests]


def test_the_candidates_global_randoms_start_alike_in_every_grading(
    with_sample_tests: Callable[[str], Kata],
) -> None:
    """Code that draws from Python's or numpy's global RNG gets the same numbers each time
    it is graded, so its verdict never changes by chance."""
    kata = with_sample_tests(
        "import random\n"
        "import numpy as np\n"
        "\n"
        "def test_first_draws(solution):\n"
        "    assert solution([], []) == [random.Random(0).random(),\n"
        "                                np.random.RandomState(0).random()]\n"
    )
    draws = (
        "import random\nimport numpy as np\n\n"
        "def intersection(xs, ys):\n    return [random.random(), np.random.random()]\n"
    )
    for _grading in range(2):
        report = grade(kata, draws, hidden=False)
        assert report.passed, [t.message for t in report.tests]


def test_internal_errors_go_to_the_log_not_to_the_candidate(
    with_sample_tests: Callable[[str], Kata], caplog: pytest.LogCaptureFixture
) -> None:
    """The harness dies while collecting: the candidate reads one fixed sentence."""
    kata = with_sample_tests(
        "import os\nprint('harness secret at', os.getcwd(), flush=True)\nos._exit(3)\n"
    )
    with caplog.at_level(logging.ERROR, logger="graders"), pytest.raises(GraderError) as raised:
        grade(kata, SETS, hidden=False)
    assert str(raised.value) == NOT_GRADED
    assert "could not be graded, through no fault of your code" in str(raised.value)
    assert "harness secret at /tmp/kata" in raised.value.detail
    assert "harness secret at /tmp/kata" in caplog.text


def test_a_broken_kata_says_nothing_internal_to_the_candidate(
    with_sample_tests: Callable[[str], Kata],
) -> None:
    kata = with_sample_tests("def test_broken(solution):\n    assert False\n\nimport nowhere\n")
    with pytest.raises(graders.KataError) as raised:
        grade(kata, SETS, hidden=False)
    assert str(raised.value) == NOT_GRADED
    assert "nowhere" in raised.value.detail and "/tmp/kata" in raised.value.detail
