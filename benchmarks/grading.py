"""Grading speed per kata: our pooled sandboxes next to the tests' own cost and a naive pytest.

For every kata, the reference solution is graded `--runs` times with the sample tests (Run)
and with sample + hidden tests (Submit), sequentially, through the real sandbox. Printed:

- per kata: Run and Submit p50/p95 (wall), our CPU per Submit (harness + candidate workers),
  the floor, and our CPU / floor. The floor is the same tests run in this process, warm and
  unsandboxed, with the reference called directly: collected once, then timed per pass
  (process CPU), so it holds only what the tests and the solution themselves cost. It runs
  as the sandbox does: BLAS on one thread, Hypothesis leaving numpy's and its own RNG alone.
  Beside it, "forked": one pass of the same tests in a child forked from that warm process
  (median of several children): the least a fresh process per grading pays, with its
  written pages copied and its new memory faulted in, before any sandbox, any second
  process or any message between them.
- per kata, the Submit's phases (medians): start (grade() called to harness job read, which
  includes taking a ready pair), collect (until the tests start: the candidate's greeting;
  for a kata graded the ordinary way also the kata's files written, pytest configured and
  the tests collected, which a reviewed kata's zygote did once for all its gradings, see
  graders/_inside/harness/kata.py), run (the tests), report (pytest's end to grade()
  returning: the workers' exits and the judge); and the harness worker's CPU in collect and
  in run. The katas are the repository's, reviewed: each kata's first two gradings (which
  ask for its zygote) are not timed.
- the intersection kata against a naive `python -m pytest` subprocess per grading (which runs
  the candidate in the test process, no sandbox): p50 and the speed-up; and gradings per
  second with `--threads` concurrent gradings.

    .venv/bin/python -m benchmarks.grading [--runs 20] [--naive-runs 5] [--seconds 8]
                                           [--threads 2] [--katas id ...]

The machine's load average is printed: timings on a shared machine are only as good as it.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import graders
from graders import grading
from graders._inside.harness import runner
from graders.judge import judge
from graders.messages import Event, unpack
from graders.pool import get_pool
from graders.spec import HIDDEN_TESTS

KATAS = Path(__file__).resolve().parent.parent / "katas"
PHASES = ("start", "collect", "run", "report")
HARNESS_CPU = ("collect CPU", "run CPU")
# The floor's `solution` fixture: the reference, called in this very process; its exceptions
# reach the tests as they would from the sandbox.
FLOOR_CONFTEST = """
import pytest
from graders.kit import CandidateRaised

{load}

def raising_as_from_the_sandbox(function):
    def call(*args, **kwargs):
        try:
            value = function(*args, **kwargs)
        except Exception as exc:
            raise CandidateRaised(type(exc).__name__, str(exc)) from None
        # A class kata's object: its methods' exceptions reach the tests the same way.
        return Instance(value) if isinstance(function, type) else value

    return call


class Instance:
    def __init__(self, instance):
        self._instance = instance

    def __getattr__(self, name):
        return raising_as_from_the_sandbox(getattr(self._instance, name))


@pytest.fixture(scope="session")
def solution():
    return raising_as_from_the_sandbox(function)
"""


@dataclass
class Timings:
    """One kata's measurements, in seconds."""

    run: list[float] = field(default_factory=list)
    submit: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    phases: dict[str, list[float]] = field(
        default_factory=lambda: {p: [] for p in (*PHASES, *HARNESS_CPU)}
    )
    floor: float = 0.0
    forked: float = 0.0


# The sandbox's environment (graders.sandbox) keeps BLAS to one thread; the floor runs so too.
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def main() -> None:
    if any(os.environ.get(name) != value for name, value in ONE_THREAD.items()):
        # BLAS reads these as it loads, so numpy, already imported, needs a fresh process.
        command = [sys.executable, "-m", "benchmarks.grading", *sys.argv[1:]]
        os.execve(sys.executable, command, {**os.environ, **ONE_THREAD})
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="gradings of each kind per kata")
    parser.add_argument("--naive-runs", type=int, default=5, help="naive subprocess runs")
    parser.add_argument("--seconds", type=float, default=8.0, help="length of the throughput run")
    parser.add_argument("--threads", type=int, default=2, help="concurrent gradings")
    parser.add_argument("--katas", nargs="*", default=None, help="only these kata ids")
    args = parser.parse_args()
    katas, errors = graders.load_katas(KATAS, reviewed=True)
    if errors:
        raise SystemExit("\n".join(errors))
    katas = [kata for kata in katas if args.katas is None or kata.id in args.katas]
    load_before = os.getloadavg()[0]

    results: dict[str, Timings] = {}
    for kata in katas:
        reference = kata.reference
        # Start the pool and the kata's zygotes (Run's and Submit's): not part of any timing.
        for hidden in (True, True, False, False):
            _grade_passes(kata, reference, hidden=hidden)
        timings = results[kata.id] = Timings()
        sample = partial(_grade_passes, kata, reference, hidden=False)
        timings.run += [_timed(sample) for _ in range(args.runs)]
        for _ in range(args.runs):
            _submit(kata, reference, timings)
        timings.floor, timings.forked = _floor(kata)

    intersection = graders.load_kata(KATAS, "intersection", reviewed=True)
    reference = intersection.reference
    rate = _throughput(
        lambda: _grade_passes(intersection, reference, hidden=True), args.seconds, args.threads
    )
    with tempfile.TemporaryDirectory() as folder:
        naive_dir = _naive_kata(Path(folder), intersection)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        naive = [_timed(lambda: _naive_once(naive_dir)) for _ in range(args.naive_runs)]
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    naive_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / len(naive)

    print(f"{os.cpu_count()} cores; load average {load_before:.1f} at the start,", end=" ")
    print(f"{os.getloadavg()[0]:.1f} at the end; {args.runs} gradings of each kind per kata")
    print()
    header = f"{'kata':22} {'Run p50':>8} {'p95':>6} {'Submit p50':>11} {'p95':>6}"
    header += f" {'CPU/grading':>12} {'floor':>7} {'ratio':>6} {'forked':>7} {'forked/floor':>12}"
    print(header)
    for kata_id, t in results.items():
        cpu = statistics.median(t.cpu)
        print(
            f"{kata_id:22} {_ms(_p(t.run, 50)):>8} {_ms(_p(t.run, 95)):>6}"
            f" {_ms(_p(t.submit, 50)):>11} {_ms(_p(t.submit, 95)):>6}"
            f" {_ms(cpu):>12} {_ms(t.floor):>7} {cpu / t.floor:>6.2f}"
            f" {_ms(t.forked):>7} {t.forked / t.floor:>12.2f}"
        )
    within = sum(statistics.median(t.cpu) <= 1.3 * t.floor for t in results.values())
    forked_over = sum(t.forked > 1.3 * t.floor for t in results.values())
    print(f"within 1.3x of the floor: {within} of {len(results)} katas; a forked pass alone is")
    print(f"over 1.3x of the floor for {forked_over}")
    print()
    print("Submit phases, medians (wall; then the harness worker's CPU in two of them):")
    columns = (*PHASES, *HARNESS_CPU)
    print(f"{'kata':22} " + " ".join(f"{phase:>11}" for phase in columns))
    for kata_id, t in results.items():
        cells = " ".join(f"{_ms(statistics.median(t.phases[p])):>11}" for p in columns)
        print(f"{kata_id:22} {cells}")
    print()
    ours = results["intersection"].submit if "intersection" in results else []
    print(f"intersection, Submit, {intersection.max_examples} examples per property:")
    print(f"{'':28} {'p50':>8} {'CPU/grading':>12}")
    if ours:
        ours_cpu = statistics.median(results["intersection"].cpu)
        print(f"{'katabank (sandboxed, pool)':28} {_ms(_p(ours, 50)):>8} {_ms(ours_cpu):>12}")
    print(f"{'naive pytest subprocess':28} {_ms(_p(naive, 50)):>8} {_ms(naive_cpu):>12}")
    if ours:
        print(f"speed-up over naive: {_p(naive, 50) / _p(ours, 50):.1f}x")
    print(f"throughput, {args.threads} concurrent gradings: {rate:.1f} gradings/s")


def _grade_passes(kata: graders.Kata, source: str, *, hidden: bool) -> None:
    report = graders.grade(kata, source, hidden=hidden)
    if not report.passed:
        raise SystemExit(f"{kata.id}: the reference did not pass: {report.message}")


def _submit(kata: graders.Kata, source: str, timings: Timings) -> None:
    """One Submit, as grade() does it, keeping the workers' CPU and the harness's phases."""
    started = time.monotonic()
    jobs = grading._jobs(kata, source, HIDDEN_TESTS)
    run = grading._run(get_pool(isolate=True), jobs, kata.limits.wall_seconds)
    report = judge(run, kata=kata.id, suite="hidden", limits=kata.limits)
    ended = time.monotonic()
    if not report.passed or run.harness is None or run.candidate is None:
        raise SystemExit(f"{kata.id}: the reference did not pass: {report.message}")
    timings.submit.append(ended - started)
    timings.cpu.append(run.harness["cpu"] + run.candidate["cpu"])
    times = _harness_times(run.harness["reports"])
    marks = [started, times["job"], times["collected"], times["ran"], ended]
    for phase, begin, end in zip(PHASES, marks, marks[1:], strict=False):
        timings.phases[phase].append(end - begin)
    timings.phases["collect CPU"].append(times["collected_cpu"] - times["job_cpu"])
    timings.phases["run CPU"].append(times["ran_cpu"] - times["collected_cpu"])


def _harness_times(reports: list[bytes]) -> dict[str, float]:
    for frame in reports:
        kind, (body,) = unpack(frame, Event)
        if kind is Event.DONE:
            return dict(body["times"])
    raise SystemExit("the harness did not finish")


def _floor(kata: graders.Kata) -> tuple[float, float]:
    """CPU seconds of one pass of the kata's tests, warm, collected once, in this process;
    and of one pass in a child forked from this warm process."""
    passes: list[float] = []
    forked: list[float] = []

    class Repeat:
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtestloop(self, session: pytest.Session) -> bool:
            def one_pass() -> None:
                for item in session.items:
                    item.config.hook.pytest_runtest_protocol(item=item, nextitem=None)

            for _ in range(6):  # the first pass warms up, the median of the rest counts
                began = time.process_time()
                one_pass()
                passes.append(time.process_time() - began)
            gc.collect()
            gc.freeze()  # as the zygotes do before they fork
            forked.extend(_in_forked_child(one_pass) for _ in range(5))
            gc.unfreeze()
            return True

    with _kata_copy(kata) as folder, _randoms_left_alone():
        profile = settings(
            max_examples=kata.max_examples,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
        settings.register_profile("floor", profile)
        settings.load_profile("floor")
        args = [*(str(folder / name) for name in HIDDEN_TESTS), "-q", "-p", "no:cacheprovider"]
        output = io.StringIO()
        with redirect_stdout(output):
            code = pytest.main(
                [*args, "--capture=no", "--rootdir", str(folder)], plugins=[Repeat()]
            )
        settings.load_profile("default")
    if code != 0:
        raise SystemExit(f"{kata.id}: the floor's run failed ({code}):\n{output.getvalue()}")
    return statistics.median(passes[1:]), statistics.median(forked)


def _in_forked_child(work: Callable[[], None]) -> float:
    """CPU seconds (its whole life, exit included) of a forked child that does `work`."""
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        code = 1  # unless `work` returns: an exception must not read as a timed pass
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    _pid, status, usage = os.wait4(pid, 0)
    if status != 0:
        raise SystemExit(f"the forked floor's child ended with status {status}")
    return usage.ru_utime + usage.ru_stime


def _load_reference(kata: graders.Kata) -> str:
    """Conftest lines defining `function`: the reference (an SQL kata's query, run as graded)."""
    if kata.kind == "sql":
        return (
            "from pathlib import Path\nfrom graders.sqlkata import prepared\n\n"
            "function = prepared(Path('schema.sql').read_text(), Path('reference.sql').read_text())"
        )
    return f"import reference\n\nfunction = getattr(reference, {kata.function!r})"


@contextmanager
def _randoms_left_alone() -> Iterator[None]:
    """As in the harness (runner.randoms_left_alone): Hypothesis manages fewer RNGs."""
    from hypothesis.internal import entropy

    left = {key: entropy.RANDOMS_TO_MANAGE[key] for key in runner.randoms_left_alone()}
    for key in left:
        del entropy.RANDOMS_TO_MANAGE[key]
    try:
        yield
    finally:
        entropy.RANDOMS_TO_MANAGE.update(left)


@contextmanager
def _kata_copy(kata: graders.Kata) -> Iterator[Path]:
    """The kata's tests and reference in a temporary folder on sys.path, forgotten after."""
    names = ("reference", *(Path(name).stem for name in HIDDEN_TESTS), "conftest")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for file_name, text in kata.harness_files().items():
            (folder / file_name).write_text(text, encoding="utf-8")
        conftest = FLOOR_CONFTEST.format(load=_load_reference(kata))
        (folder / "conftest.py").write_text(conftest, encoding="utf-8")
        (folder / "pytest.ini").write_text("[pytest]\npython_files = tests_*.py\n")
        sys.path.insert(0, name)
        # SQL katas' tests read their schema and reference query from the working directory.
        previous = os.getcwd()
        os.chdir(name)
        try:
            yield folder
        finally:
            os.chdir(previous)
            sys.path.remove(name)
            for module in names:
                sys.modules.pop(module, None)


def _naive_kata(folder: Path, kata: graders.Kata) -> Path:
    for name, text in kata.harness_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    conftest = (
        "from hypothesis import settings\n"
        "settings.register_profile('naive', max_examples=100, derandomize=True,"
        " database=None, deadline=None)\n"
        "settings.load_profile('naive')\n" + FLOOR_CONFTEST.format(load=_load_reference(kata))
    )
    (folder / "conftest.py").write_text(conftest, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\npython_files = tests_*.py\n", encoding="utf-8")
    return folder


def _naive_once(folder: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *HIDDEN_TESTS],
        cwd=folder,
        capture_output=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    if result.returncode != 0:
        raise SystemExit(f"naive run failed:\n{result.stdout.decode()}")


def _timed(run: Callable[[], Any]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _throughput(run: Callable[[], None], seconds: float, threads: int) -> float:
    done = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker() -> None:
        nonlocal done
        while time.perf_counter() < stop_at:
            run()
            with lock:
                done += 1

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return done / (time.perf_counter() - started)


def _p(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}ms"


if __name__ == "__main__":
    main()
