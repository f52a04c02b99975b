"""A reviewed kata's gradings fork from a kata zygote that collected its tests once.

The same real sandbox as every other grading; these tests show the collected path is taken,
grades exactly as the ordinary one, keeps the sandbox, and steps aside where it cannot help.
"""

from __future__ import annotations

import dataclasses
import select
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graders import GraderError, Kata, KataError, Report, Verdict, grade, load_kata
from graders import pool as pool_module
from graders.grading import _jobs, _run
from graders.judge import judge
from graders.pool import KATA_ZYGOTES_VARIABLE, KataTests, Pair, Pool, _kata_zygotes
from graders.spec import HIDDEN_TESTS, SAMPLE_TESTS
from tests.graders.conftest import KATAS_DIR
from tests.graders.test_hostile import SEES_NOTHING_OF_THE_PROJECT

SETS = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
EMPTY = "def intersection(xs, ys):\n    return []\n"
DROPS_NEGATIVE_EVEN = (
    "def intersection(xs, ys):\n    return [v for v in set(xs) & set(ys) if v >= 0 or v % 2]\n"
)


@pytest.fixture
def pool() -> Iterator[Pool]:
    pool = Pool(isolate=True, size=1, kata_zygotes=2)
    yield pool
    pool.close()


def _grade_on(pool: Pool, kata: Kata, source: str, *, hidden: bool = True) -> tuple[Report, bool]:
    """Grade as grade() does, on `pool`; and whether the harness had collected the tests."""
    jobs = _jobs(kata, source, HIDDEN_TESTS if hidden else SAMPLE_TESTS)
    taken: list[bool] = []
    original = pool.take

    def take(tests: KataTests | None = None) -> tuple[Pair, bool]:
        pair, collected = original(tests)
        taken.append(collected)
        return pair, collected

    pool.take = take  # type: ignore[method-assign]
    try:
        run = _run(pool, jobs, kata.limits.wall_seconds)
    finally:
        del pool.take
    suite = "hidden" if hidden else "sample"
    return judge(run, kata=kata.id, suite=suite, limits=kata.limits), taken[-1]


def _until_collected(
    pool: Pool, kata: Kata, source: str, *, hidden: bool = True
) -> tuple[Report, bool]:
    """Grade until a grading runs on collected tests (the first asks for them)."""
    for _attempt in range(50):
        report, collected = _grade_on(pool, kata, source, hidden=hidden)
        if collected:
            return report, collected
        time.sleep(0.1)
    return report, collected


@pytest.fixture(scope="module")
def reviewed() -> Kata:
    return load_kata(KATAS_DIR, "intersection", reviewed=True)


def test_a_reviewed_kata_graded_twice_gets_its_tests_collected(pool: Pool, reviewed: Kata) -> None:
    first, collected = _grade_on(pool, reviewed, SETS)
    assert first.passed and not collected
    time.sleep(1)  # time enough to collect them, were they asked for
    second, collected = _grade_on(pool, reviewed, SETS)
    assert second.passed and not collected  # a kata graded once gets no zygote of its own
    later, collected = _until_collected(pool, reviewed, SETS)
    assert collected and later.passed
    assert [t.name for t in later.tests] == [t.name for t in first.tests]


def test_the_number_of_katas_kept_collected_is_configurable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(KATA_ZYGOTES_VARIABLE, "0")
    assert _kata_zygotes() == 0
    monkeypatch.setenv(KATA_ZYGOTES_VARIABLE, "many")
    with pytest.raises(GraderError, match="KATABANK_COLLECTED_KATAS='many'"):
        _kata_zygotes()


def test_with_none_kept_every_grading_is_ordinary(reviewed: Kata) -> None:
    pool = Pool(isolate=True, size=1, kata_zygotes=0)
    try:
        for _attempt in range(4):
            report, collected = _grade_on(pool, reviewed, SETS)
            assert report.passed and not collected
            time.sleep(0.2)
    finally:
        pool.close()


def test_collected_tests_grade_exactly_as_the_ordinary_way(pool: Pool, reviewed: Kata) -> None:
    ordinary = grade(dataclasses.replace(reviewed, reviewed=False), DROPS_NEGATIVE_EVEN)
    collected_report, collected = _until_collected(pool, reviewed, DROPS_NEGATIVE_EVEN)
    assert collected
    assert collected_report.verdict is ordinary.verdict is Verdict.FAILED
    assert collected_report.failure == ordinary.failure
    assert collected_report.failure is not None
    assert collected_report.failure.input == "intersection([-2], [-2])"
    assert [(t.name, t.outcome, t.examples) for t in collected_report.tests] == [
        (t.name, t.outcome, t.examples) for t in ordinary.tests
    ]


def test_every_grading_starts_from_the_same_collected_state(pool: Pool, reviewed: Kata) -> None:
    """A grading's state (the candidate's answers, Hypothesis's) never reaches the next."""
    _until_collected(pool, reviewed, SETS)
    wrong, collected = _until_collected(pool, reviewed, DROPS_NEGATIVE_EVEN)
    right, collected_again = _until_collected(pool, reviewed, SETS)
    assert collected and collected_again
    assert wrong.verdict is Verdict.FAILED and right.passed, right.message


def test_workers_draw_from_numpys_global_rng_as_an_unwarmed_grading_does(
    pool: Pool, with_sample_tests: Callable[[str], Kata]
) -> None:
    """The kata zygote's warm-up runs the tests once; the RNG they drew from is put back.
    (Python's own global RNG is seeded anew in every forked process.)"""
    kata = with_sample_tests(
        "import numpy\n"
        "\n"
        "def test_draws(solution):\n"
        "    assert False, f'drew {numpy.random.random()}'\n"
    )
    ordinary, collected = _grade_on(pool, kata, SETS, hidden=False)
    assert not collected
    reviewed = dataclasses.replace(kata, reviewed=True)
    warmed, collected = _until_collected(pool, reviewed, SETS, hidden=False)
    assert collected
    assert "drew 0." in ordinary.message
    assert warmed.message == ordinary.message


def test_what_test_modules_keep_from_run_to_run_starts_afresh_in_every_worker(
    pool: Pool, with_sample_tests: Callable[[str], Kata]
) -> None:
    """The kata zygote's warm-up runs the tests once. Had workers forked from the modules it
    ran, the generator would be spent and the set would hold every case: a wrong answer
    would pass, checked against nothing. Workers fork from modules imported afresh."""
    kata = with_sample_tests(
        "CASES = (case for case in [((1, 2), (2, 3), [2]), ((5,), (5,), [5])])\n"
        "CHECKED = set()\n"
        "\n"
        "def test_cases_from_a_generator(solution):\n"
        "    for xs, ys, expected in CASES:\n"
        "        assert solution(list(xs), list(ys)) == expected\n"
        "\n"
        "def test_each_case_once(solution):\n"
        "    for xs in ((1, 2), (3,)):\n"
        "        if xs not in CHECKED:\n"
        "            CHECKED.add(xs)\n"
        "            assert sorted(solution(list(xs), list(xs))) == list(xs)\n"
    )
    kata = dataclasses.replace(kata, reviewed=True)
    for _attempt in range(2):
        report, collected = _until_collected(pool, kata, EMPTY, hidden=False)
        assert collected and report.verdict is Verdict.FAILED
        assert [t.outcome for t in report.tests] == ["failed", "failed"]


def test_an_sql_katas_tests_read_their_files_in_the_workers_scratch(pool: Pool) -> None:
    kata = load_kata(KATAS_DIR, "sql_orders_per_customer", reviewed=True)
    report, collected = _until_collected(pool, kata, kata.reference)
    assert collected and report.passed, report.message
    wrong, _ = _until_collected(pool, kata, "SELECT 1 AS customer_id, 2 AS orders")
    assert wrong.verdict is Verdict.FAILED


def test_a_class_kata_is_graded_from_its_collected_tests(pool: Pool) -> None:
    kata = load_kata(KATAS_DIR, "lru_cache", reviewed=True)
    report, collected = _until_collected(pool, kata, kata.reference)
    assert collected and report.passed, report.message


def test_katas_beyond_the_pools_count_take_turns(pool: Pool) -> None:
    """Two kata zygotes at most: a third kata retires the least recently used."""
    ids = ("intersection", "two_sum", "valid_parentheses")
    katas = [load_kata(KATAS_DIR, kata_id, reviewed=True) for kata_id in ids]
    for kata in [*katas, *katas]:
        report, collected = _until_collected(pool, kata, kata.reference)
        assert collected and report.passed, (kata.id, report.message)


def test_tests_that_do_not_collect_are_graded_the_ordinary_way(
    pool: Pool, with_sample_tests: Callable[[str], Kata]
) -> None:
    """Which says why: the kata's tests are broken (KataError), every time."""
    kata = dataclasses.replace(
        with_sample_tests("from reference import nothing_here\n"), reviewed=True
    )
    for _attempt in range(5):
        with pytest.raises(KataError) as raised:
            _grade_on(pool, kata, SETS, hidden=False)
        assert "nothing_here" in raised.value.detail
        time.sleep(0.1)
    pair, collected = pool.take(_jobs(kata, SETS, SAMPLE_TESTS).tests)
    pair.close()
    assert not collected


def test_a_kata_whose_zygote_gave_up_leaves_its_slot_to_the_others(
    pool: Pool, with_sample_tests: Callable[[str], Kata]
) -> None:
    """Graded often, it is still the first to go when another kata needs a zygote: the
    katas that collect keep theirs."""
    broken = dataclasses.replace(
        with_sample_tests("from reference import nothing_here\n"), reviewed=True
    )
    broken_tests = _jobs(broken, SETS, SAMPLE_TESTS).tests
    assert broken_tests is not None
    deadline = time.monotonic() + 20
    while not (
        broken_tests.key in pool._katas
        and pool._katas[broken_tests.key].failures >= pool_module._MAX_FAILURES
    ):
        assert time.monotonic() < deadline, "the broken kata's zygote did not give up"
        pool.take(broken_tests)[0].close()
        time.sleep(0.1)
    first, second = (load_kata(KATAS_DIR, i, reviewed=True) for i in ("intersection", "two_sum"))
    assert _until_collected(pool, first, first.reference)[1]
    pool.take(broken_tests)[0].close()  # graded after `first`: the most recent of the two
    assert _until_collected(pool, second, second.reference)[1]
    assert broken_tests.key not in pool._katas
    report, collected = _grade_on(pool, first, first.reference)
    assert collected and report.passed, report.message


def test_the_collected_harness_is_sandboxed_like_any_other(
    pool: Pool, with_sample_tests: Callable[[str], Kata]
) -> None:
    """The kata's own sample test inspects the harness worker it runs in."""
    kata = with_sample_tests(
        SEES_NOTHING_OF_THE_PROJECT
        + "    # Its scratch holds its own copy of the kata, where it was collected.\n"
        "    assert os.getcwd().startswith('/tmp/katabank-kata-')\n"
        "    assert sorted(os.listdir('/tmp')) == [os.getcwd().split('/')[2]]\n"
        "    assert sorted(os.listdir('.')) == [\n"
        "        'pytest.ini', 'reference.py', 'tests_hidden.py', 'tests_sample.py']\n"
        "    assert os.getuid() == 1000 and os.getpid() == 1\n"
        "    status = open('/proc/self/status').read()\n"
        "    assert 'CapEff:\\t0000000000000000' in status\n"
        "    assert 'Seccomp:\\t2' in status and 'NoNewPrivs:\\t1' in status\n"
        "    assert 'KATABANK_TEST_SECRET' not in os.environ\n"
    )
    kata = dataclasses.replace(kata, reviewed=True)
    report, collected = _until_collected(pool, kata, SETS, hidden=False)
    assert collected and report.passed, report.message


def test_a_kata_zygote_that_never_gets_ready_is_ended(
    pool: Pool, with_sample_tests: Callable[[str], Kata], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that spin as they are imported: the kernel ends the kata zygote once its time
    is up, rather than leave it spinning while the pool waits, and the kata is graded the
    ordinary way from then on."""
    monkeypatch.setattr(pool_module, "_KATA_READY_SECONDS", 1)
    kata = dataclasses.replace(with_sample_tests("while True:\n    pass\n"), reviewed=True)
    tests = _jobs(kata, SETS, SAMPLE_TESTS).tests
    assert tests is not None
    for _sight in range(2):  # the second asks for its kata zygote
        pair, collected = pool.take(tests)
        pair.close()
        assert not collected
    deadline = time.monotonic() + 20  # the pool itself would wait 60 s
    while pool._katas[tests.key].failures < pool_module._MAX_FAILURES:
        assert time.monotonic() < deadline, "the kata zygote was not ended"
        time.sleep(0.1)


def test_unreviewed_katas_never_fork_from_collected_tests(pool: Pool) -> None:
    authored = load_kata(KATAS_DIR, "intersection")
    assert not authored.reviewed
    for _attempt in range(5):
        report, collected = _grade_on(pool, authored, SETS)
        assert report.passed and not collected
        time.sleep(0.1)


def test_gradings_go_on_when_the_harness_zygote_dies(pool: Pool, reviewed: Kata) -> None:
    """Its kata zygotes and every ready pair die with it: the next grading waits for fresh
    sandboxes rather than fail on the dead ones, and the kata is collected again."""
    _until_collected(pool, reviewed, SETS)
    ready = [*pool._ready, *(pair for kata in pool._katas.values() for pair in kata.ready)]
    pool._zygotes["harness"].process.kill()
    pool._zygotes["harness"].process.wait()
    # The kernel ends the zygote's namespace, keepers and all, just after: once each ready
    # pair's keeper has hung up, the pool holds only dead pairs.
    for pair in ready:
        assert select.select([pair.harness.sock], [], [], 10)[0]
    report, _ = _grade_on(pool, reviewed, DROPS_NEGATIVE_EVEN)
    assert report.verdict is Verdict.FAILED and report.failure is not None
    again, collected = _until_collected(pool, reviewed, SETS)
    assert collected and again.passed, again.message


def test_without_isolation_too_and_the_kata_zygotes_folder_goes_with_it(
    with_sample_tests: Callable[[str], Kata], reviewed: Kata
) -> None:
    """Unsafe mode (grading one's own code) forks from kata zygotes as well; their folders are
    on the host's /tmp, so each kata zygote removes its own when the pool closes it."""
    marker = f"# {uuid.uuid4()}\n"
    sample = (reviewed.path / "tests_sample.py").read_text(encoding="utf-8") + marker
    kata = dataclasses.replace(with_sample_tests(sample), reviewed=True)

    def ours() -> list[Path]:
        folders = Path(tempfile.gettempdir()).glob("katabank-kata-*/kata")
        return [f for f in folders if marker in _text_or_empty(f / "tests_sample.py")]

    pool = Pool(isolate=False, size=1, kata_zygotes=1)
    try:
        report, collected = _until_collected(pool, kata, SETS, hidden=False)
        assert collected and report.passed, report.message
        assert len(ours()) == 1
    finally:
        pool.close()
    for _ in range(50):
        if not ours():
            break
        time.sleep(0.1)
    assert ours() == []


def _text_or_empty(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
