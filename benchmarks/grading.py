"""Grading speed: our pooled sandboxes next to a naive `python -m pytest` subprocess per grading.

Both grade the same correct solution against the same tests (the intersection kata's sample
and hidden tests, 100 examples per property). The naive baseline runs the candidate's code
in the test process itself, with no sandbox at all, so it is a lower bound on what starting
an interpreter per grading costs. Prints p50, p95 and throughput, and the CPU time one
grading takes (ours: the harness and candidate workers; naive: the subprocess), which
says what the machine could do without other load: cores / CPU per grading.

    .venv/bin/python benchmarks/grading.py [--runs 40] [--naive-runs 8] [--seconds 10] [--threads 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import graders
from graders import grading
from graders.pool import get_pool
from graders.spec import HIDDEN_TESTS

KATAS = Path(__file__).resolve().parent.parent / "katas"
SOLUTION = "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n"
NAIVE_CONFTEST = f"""
import pytest
from hypothesis import settings

settings.register_profile("naive", max_examples=100, derandomize=True, database=None, deadline=None)
settings.load_profile("naive")

namespace = {{}}
exec({SOLUTION!r}, namespace)


@pytest.fixture(scope="session")
def solution():
    return namespace["intersection"]
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="sequential gradings to time")
    parser.add_argument("--naive-runs", type=int, default=8, help="naive subprocess runs")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of the throughput run")
    parser.add_argument("--threads", type=int, default=2, help="concurrent gradings")
    args = parser.parse_args()
    kata = graders.load_kata(KATAS, "intersection")

    report = graders.grade(kata, SOLUTION)  # starts the pool: not part of any timing
    assert report.passed, report.message
    ours = _latencies(lambda: _grade_once(kata), args.runs)
    rate = _throughput(lambda: _grade_once(kata), args.seconds, args.threads)
    cpu = _sandbox_cpu(kata, args.naive_runs)  # as many CPU samples as naive ones, alike
    with tempfile.TemporaryDirectory() as folder:
        naive_dir = _naive_kata(Path(folder), kata.path)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        naive = _latencies(lambda: _naive_once(naive_dir), args.naive_runs)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        naive_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / len(
            naive
        )
        naive_rate = _throughput(lambda: _naive_once(naive_dir), args.seconds, args.threads)

    print(f"intersection kata, hidden tests, {kata.max_examples} examples per property;")
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end;")
    print(f"throughput with {args.threads} concurrent gradings")
    print(f"{'':28} {'p50':>8} {'p95':>8} {'gradings/s':>11} {'CPU/grading':>12}")
    _row("katabank (sandboxed, pool)", ours, rate, cpu)
    _row("naive pytest subprocess", naive, naive_rate, naive_cpu)


def _grade_once(kata: graders.Kata) -> None:
    report = graders.grade(kata, SOLUTION)
    if not report.passed:
        raise SystemExit(f"grading failed: {report.message}")


def _sandbox_cpu(kata: graders.Kata, count: int) -> float:
    """CPU seconds of the harness and candidate workers for one grading (median)."""
    used = []
    jobs = grading._jobs(kata, SOLUTION, HIDDEN_TESTS)
    for _ in range(count):
        run = grading._run(get_pool(isolate=True), jobs, kata.limits.wall_seconds)
        assert run.harness and run.candidate
        used.append(run.harness["cpu"] + run.candidate["cpu"])
    return statistics.median(used)


def _naive_kata(folder: Path, kata_dir: Path) -> Path:
    for name in ("reference.py", "tests_sample.py", "tests_hidden.py"):
        shutil.copy2(kata_dir / name, folder / name)
    (folder / "conftest.py").write_text(NAIVE_CONFTEST, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\npython_files = tests_*.py\n", encoding="utf-8")
    return folder


def _naive_once(folder: Path) -> None:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, "tests_sample.py", "tests_hidden.py"],
        cwd=folder,
        capture_output=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    if result.returncode != 0:
        raise SystemExit(f"naive run failed:\n{result.stdout.decode()}")


def _latencies(run: Callable[[], None], count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times


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


def _row(name: str, times: list[float], rate: float, cpu: float) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    print(f"{name:28} {median * 1000:7.0f}ms {p95 * 1000:7.0f}ms {rate:11.1f} {cpu * 1000:10.0f}ms")


if __name__ == "__main__":
    main()
