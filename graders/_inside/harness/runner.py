"""The harness worker's job: write the kata's files to scratch, greet the candidate, run pytest."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from graders._inside.harness import plugin
from graders._inside.harness.plugin import Plugin
from graders._inside.harness.proxy import Solution
from graders._inside.job import apply_job_limits, stay_on
from graders.codec import ProtocolError, decode
from graders.messages import Event, Link, receive, send

__all__ = ["configure", "finish", "greet", "pytest_args", "run", "warm_up", "write_kata"]

_PROFILE = "katabank"
# Built-in plugins a kata's tests have no use for; skipping them halves pytest's start-up.
# Not "debugging": pytest's unittest support reads its --trace option (imported Exercism tests).
_UNUSED_PLUGINS = (
    "cacheprovider",
    "doctest",
    "faulthandler",
    "junitxml",
    "legacypath",
    "logging",
    "pastebin",
    "setuponly",
    "setupplan",
    "stepwise",
    "threadexception",
    "unraisableexception",
    "warnings",
)
# pytest reads no configuration but ours: the kata folder is the root and holds this file.
_PYTEST_INI = "[pytest]\npython_files = tests_*.py\nconsider_namespace_packages = false\n"


def run(payload: bytes, *, ctrl_fd: int, link_fd: int) -> None:
    """Run the job's test files against the candidate on `link_fd`; report on `ctrl_fd`."""
    times = {"job": time.monotonic(), "job_cpu": time.process_time()}
    job = decode(payload)
    apply_job_limits(cpu_seconds=job["cpu_seconds"], memory_mb=job["memory_mb"])
    stay_on(job["cpu"])
    kata = Path("kata").resolve()
    write_kata(kata, job["files"])
    if not greet(ctrl_fd, link_fd):
        return
    solution = Solution(link_fd=link_fd, ctrl_fd=ctrl_fd, function=job["function"])
    configure(kata, job["max_examples"])
    times["greeted"] = time.monotonic()
    reporter = Plugin(solution, ctrl_fd, times)
    code = pytest.main(pytest_args(job["tests"], kata), plugins=[plugin, reporter])
    finish(ctrl_fd, code, times, collected=reporter.collected)


def write_kata(kata: Path, files: dict[str, str]) -> None:
    """The kata's files and our pytest.ini in the folder `kata`, made here."""
    kata.mkdir(parents=True)
    for name, text in files.items():
        (kata / Path(name).name).write_text(text, encoding="utf-8")
    (kata / "pytest.ini").write_text(_PYTEST_INI, encoding="utf-8")


def configure(kata: Path, max_examples: int) -> None:
    """Hypothesis's settings for gradings, and `kata` as the tests' folder and module root."""
    settings.register_profile(
        _PROFILE,
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=False,
        report_multiple_bugs=False,
        suppress_health_check=[HealthCheck.too_slow],
        # The explain phase traces the harness's own code: slow, and nothing for the candidate.
        phases=[phase for phase in Phase if phase is not Phase.explain],
    )
    settings.load_profile(_PROFILE)
    os.chdir(kata)
    sys.path.insert(0, str(kata))
    sys.dont_write_bytecode = True


def finish(
    ctrl_fd: int, code: int | pytest.ExitCode, times: dict[str, float], *, collected: int
) -> None:
    """Tell the keeper the tests ran: pytest's exit code, how many tests it collected (the
    judge passes nothing on fewer results), and when each phase ended."""
    times["ran"], times["ran_cpu"] = time.monotonic(), time.process_time()
    sys.stdout.flush()
    send(ctrl_fd, Event.DONE, {"exit": int(code), "collected": collected, "times": times})


def greet(ctrl_fd: int, link_fd: int) -> bool:
    """Wait for the candidate's Link.READY; pass on a load error or a silent exit instead."""
    nowhere = {"test": "", "input": ""}
    try:
        hello = receive(link_fd, Link)
    except (ProtocolError, OSError) as exc:
        send(ctrl_fd, Event.PROTOCOL_ERROR, {**nowhere, "detail": str(exc)})
        return False
    if hello is None:
        send(ctrl_fd, Event.GONE, {**nowhere, "detail": ""})
        return False
    kind, fields = hello
    if kind is Link.READY:
        return True
    if kind is Link.LOAD_ERROR and isinstance(fields[0], dict):
        send(ctrl_fd, Event.LOAD_ERROR, fields[0])
        return False
    send(ctrl_fd, Event.PROTOCOL_ERROR, {**nowhere, "detail": "no greeting"})
    return False


def warm_up() -> None:
    """Run a tiny kata once, so pytest's and Hypothesis's lazy imports happen before forking."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "tests_warm_up.py").write_text(_WARM_UP_TEST, encoding="utf-8")
        (Path(folder) / "pytest.ini").write_text(_PYTEST_INI, encoding="utf-8")
        pytest.main(pytest_args(["tests_warm_up.py"], Path(folder)), plugins=[plugin])
        sys.modules.pop("tests_warm_up", None)
        if folder in sys.path:
            sys.path.remove(folder)
    _leave_randoms_alone()


def _leave_randoms_alone() -> None:
    """Keep Hypothesis from saving, seeding and restoring RNGs no grading needs it to, around
    each example (`randoms_left_alone`); numpy's global RNG is seeded once here instead, so it
    starts alike in every worker."""
    import numpy
    from hypothesis.internal import entropy

    for key in randoms_left_alone():
        del entropy.RANDOMS_TO_MANAGE[key]
    numpy.random.seed(0)


def randoms_left_alone() -> list[int]:
    """The keys, in Hypothesis's registry of RNGs it manages, of two that gradings leave alone.

    - numpy's global RNG: Hypothesis manages it whenever numpy is imported (the zygote imports
      it for the tests), and numpy's get_state/set_state take ~0.14 ms: ~15 ms of a
      100-example property. Kata tests draw their data from Hypothesis, and the candidate's
      code, which might use numpy's RNG, runs in another process.
    - Hypothesis's own global Random: it seeds runs that are not derandomized, and gradings
      are; managing it costs ~20 us an example (~6 ms of a grading of 300 examples).
    Python's global `random` stays managed: a test that draws from it gets the same numbers
    every time an example runs, as Hypothesis's replays and shrinking need.
    """
    import hypothesis.core
    from hypothesis.internal import entropy

    with entropy.deterministic_PRNG():  # registers both, if no test has run yet
        pass
    ours = (entropy.NP_RANDOM, hypothesis.core.threadlocal._hypothesis_global_random)
    managed = entropy.RANDOMS_TO_MANAGE.items()
    return [key for key, random in managed if any(random is r for r in ours if r is not None)]


def pytest_args(tests: list[str], root: Path) -> list[str]:
    args = [*(str(root / name) for name in tests), "-q", "--capture=no", "--rootdir", str(root)]
    # Only Hypothesis's plugin, not every one installed beside it (anyio, xdist, ...): the
    # plugins a kata may use are ours to choose, and each one loaded costs every grading.
    args += ["--disable-plugin-autoload", "-p", "_hypothesis_pytestplugin"]
    for name in _UNUSED_PLUGINS:
        args += ["-p", f"no:{name}"]
    return args


# One property passes and one fails, so shrinking and failure reports are loaded too.
_WARM_UP_TEST = """
from hypothesis import given, settings, strategies as st
from graders.kit import check, same_items

@settings(max_examples=20, database=None, derandomize=True, deadline=None)
@given(st.lists(st.integers()), st.text(), st.fractions(), st.floats())
def test_passes(xs, text, fraction, number):
    check(sorted, (xs,), sorted(xs))

@settings(max_examples=20, database=None, derandomize=True, deadline=None)
@given(st.lists(st.integers(0, 3)))
def test_fails(xs):
    check(sorted, (xs,), sorted(set(xs)), compare=same_items)
"""
