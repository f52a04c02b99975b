"""Hostile submissions (tests/graders/hostile/) are contained and graded not-passed.

Each file's first line names the verdicts it may get (`# expect: timeout error`); the
tests below also check the host: nothing reached, nothing written, nothing left running.
"""

from __future__ import annotations

import re
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graders import Kata, Report, Verdict, grade
from tests.graders.conftest import HOSTILE_DIR, KATAS_DIR

HOSTILE = sorted(HOSTILE_DIR.glob("*.py"))
PROJECT = KATAS_DIR.parent


def _grade(kata: Kata, name: str) -> Report:
    return grade(kata, (HOSTILE_DIR / name).read_text(encoding="utf-8"), hidden=False)


def _expected(path: Path) -> set[Verdict]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# expect: ([a-z ]+)", first)
    assert match, f"{path.name}: first line must be '# expect: <verdict> [<verdict>...]'"
    return {Verdict(word) for word in match.group(1).split()}


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_each_hostile_submission_gets_its_verdict(short_kata: Kata, path: Path) -> None:
    report = grade(short_kata, path.read_text(encoding="utf-8"), hidden=False)
    assert not report.passed
    assert report.verdict in _expected(path), report.message


@pytest.fixture
def listener() -> Iterator[list[bytes]]:
    """A TCP server on the host's loopback, port 47391; yields what it received."""
    server = socket.create_server(("127.0.0.1", 47391))
    server.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except TimeoutError:
                continue
            received.append(connection.recv(100) or b"(connected)")
            connection.close()

    thread = threading.Thread(target=serve)
    thread.start()
    yield received
    stop.set()
    thread.join()
    server.close()


def test_connecting_out_reaches_nothing(short_kata: Kata, listener: list[bytes]) -> None:
    report = _grade(short_kata, "connect_out.py")
    assert report.error is not None and report.error.type == "OSError"
    assert listener == []


@pytest.fixture
def secret_database() -> Iterator[str]:
    """A real SQLite file under the project's var/, holding a secret."""
    secret = "katabank-secret-7f3a9c"
    path = PROJECT / "var" / "hostile-probe.sqlite"
    path.parent.mkdir(exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("create table if not exists secrets (value text)")
        connection.execute("insert into secrets values (?)", (secret,))
    connection.close()
    yield secret
    path.unlink()


def test_the_kata_files_the_database_and_the_home_are_invisible(
    short_kata: Kata, secret_database: str
) -> None:
    report = _grade(short_kata, "find_secrets.py")
    assert report.error is not None and report.error.type == "FileNotFoundError"
    assert "in /root: ['.pyenv']" in report.stdout
    assert secret_database not in report.stdout
    assert "def test_" not in report.stdout and "katas" not in report.stdout


def test_writes_outside_scratch_fail_and_scratch_stays_inside(short_kata: Kata) -> None:
    report = _grade(short_kata, "write_everywhere.py")
    assert report.error is not None and report.error.type == "PermissionError"
    assert not Path("/katabank-hostile-marker").exists()
    assert not Path("/tmp/katabank-hostile-marker").exists()
    assert not (PROJECT / "katabank-hostile-marker").exists()


def _processes_named(name: str) -> list[int]:
    pids = []
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip() == name:
                pids.append(int(comm.parent.name))
        except OSError:
            continue
    return pids


def test_no_process_of_the_sandbox_survives_the_grading(short_kata: Kata) -> None:
    report = _grade(short_kata, "daemon_left_behind.py")
    assert report.error is not None and "left a daemon behind" in report.error.message
    assert _processes_named("kb-left-behind") == []


def test_the_candidate_has_no_privilege(short_kata: Kata) -> None:
    """Its own uid in its own user namespace, no capability at all, no_new_privs, seccomp."""
    source = (
        "import os\n"
        "print(open('/proc/self/status').read(), flush=True)\n"
        "def intersection(xs, ys):\n"
        "    return list(set(xs) & set(ys))\n"
    )
    report = grade(short_kata, source, hidden=False)
    status = dict(line.split(":\t", 1) for line in report.stdout.splitlines() if ":\t" in line)
    assert report.passed, report.message
    for capabilities in ("CapInh", "CapPrm", "CapEff", "CapAmb"):
        assert int(status[capabilities], 16) == 0, (capabilities, status[capabilities])
    assert status["Uid"].split() == ["1000"] * 4
    assert (status["NoNewPrivs"], status["Seccomp"]) == ("1", "2")


def test_a_fork_bomb_is_contained(short_kata: Kata) -> None:
    report = _grade(short_kata, "fork_bomb.py")
    assert report.verdict in (Verdict.TIMEOUT, Verdict.ERROR)
    again = grade(short_kata, "def intersection(xs, ys):\n    return list(set(xs) & set(ys))\n")
    assert again.passed


def test_the_environment_is_clean(short_kata: Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KATABANK_TEST_SECRET", "do-not-leak-4471")
    report = _grade(short_kata, "dump_environment.py")
    assert "('PATH', '/usr/bin:/bin')" in report.stdout
    assert "do-not-leak-4471" not in report.stdout
    assert "KATABANK" not in report.stdout and "/work" not in report.stdout


def test_no_user_namespace_for_the_candidate(short_kata: Kata) -> None:
    report = _grade(short_kata, "new_user_namespace.py")
    assert report.error is not None
    assert (report.error.type, report.error.message) == (
        "PermissionError",
        "Operation not permitted",
    )


def test_threads_processes_and_numpy_still_work(short_kata: Kata) -> None:
    source = (
        "import os, subprocess, threading\n"
        "import numpy as np\n"
        "\n"
        "def intersection(xs, ys):\n"
        "    found = []\n"
        "    thread = threading.Thread(target=lambda: found.extend(set(xs) & set(ys)))\n"
        "    thread.start()\n"
        "    thread.join()\n"
        "    print(subprocess.run(['/bin/echo', 'child'], capture_output=True).stdout)\n"
        "    return [int(v) for v in np.unique(np.array(found, dtype=np.int64))]\n"
    )
    report = grade(short_kata, source, hidden=False)
    assert report.passed, report.message
    assert "b'child\\n'" in report.stdout


def test_a_forged_pytest_summary_is_just_output(short_kata: Kata) -> None:
    report = _grade(short_kata, "fake_summary.py")
    assert report.verdict is Verdict.FAILED
    assert "14 passed" in report.stdout


def test_an_object_equal_to_everything_cannot_cross(short_kata: Kata) -> None:
    report = _grade(short_kata, "always_equal.py")
    assert report.error is not None and "not plain data" in report.error.message


def test_exiting_before_the_tests_is_an_error(short_kata: Kata) -> None:
    report = _grade(short_kata, "os_exit_at_import.py")
    assert report.verdict is Verdict.ERROR and "exited" in report.message
    assert report.stdout == "all tests passed\n"


# The start of a kata test that fails where the harness sees files of the project.
SEES_NOTHING_OF_THE_PROJECT = (
    "import os\n"
    "import sys\n"
    "\n"
    "def test_nothing_of_the_project_is_visible(solution):\n"
    "    seen = set()\n"
    "    for folder, dirs, files in os.walk('/'):\n"
    "        if folder in ('/usr', '/proc', '/sys', '/dev', '/opt/site', sys.base_prefix):\n"
    "            dirs[:] = []\n"
    "        seen.update(name for name in files if name.endswith(('.db', '.sqlite')))\n"
    "        seen.update(name for name in files if name in ('kata.toml', 'STYLE.md'))\n"
    "    assert seen == set()\n"
)


def test_the_harness_sees_only_its_own_kata(with_sample_tests: Callable[[str], Kata]) -> None:
    """Kata tests run sandboxed too: this kata's sample test looks for the project and fails."""
    kata = with_sample_tests(
        SEES_NOTHING_OF_THE_PROJECT + "    assert sorted(os.listdir('/tmp/kata')) == [\n"
        "        'pytest.ini', 'reference.py', 'tests_hidden.py', 'tests_sample.py']\n"
        "    assert os.getuid() == 1000\n"
        "    assert 'CapEff:\\t0000000000000000' in open('/proc/self/status').read()\n"
        "    assert 'KATABANK_TEST_SECRET' not in os.environ\n"
    )
    report = grade(kata, "def intersection(xs, ys):\n    return []\n", hidden=False)
    assert report.passed, report.message
