"""The candidate sandbox's promises that test_hostile.py leaves implicit, through the real sandbox.

Single use (issue 3, section 3), OPENBLAS_NUM_THREADS=1 inside, and the limits on file size
and on threads.
"""

from __future__ import annotations

import re

from graders import Kata, grade

SETS_BODY = "    return list(set(xs) & set(ys))\n"

# Leaves a mark in the process and in its scratch folder, and says whether it found one.
MARK_AND_REPORT = (
    "import builtins\n"
    "import os\n"
    "\n"
    "seen = getattr(builtins, 'katabank_mark', False) or os.path.exists('mark')\n"
    "print('seen before' if seen else 'fresh', flush=True)\n"
    "builtins.katabank_mark = True\n"
    "with open('mark', 'w') as f:\n"
    "    f.write('x')\n"
    "\n"
    "def intersection(xs, ys):\n" + SETS_BODY
)


def test_a_sandbox_serves_one_grading_only(short_kata: Kata) -> None:
    stdouts = [grade(short_kata, MARK_AND_REPORT, hidden=False).stdout for _ in range(4)]
    assert [out.splitlines()[0] for out in stdouts] == ["fresh"] * 4, stdouts


def test_numpy_runs_single_threaded_inside(short_kata: Kata) -> None:
    source = (
        "import os\n"
        "import numpy as np\n"
        "\n"
        "print('threads', os.environ.get('OPENBLAS_NUM_THREADS'), flush=True)\n"
        "\n"
        "def intersection(xs, ys):\n"
        "    a = np.ones((64, 64))\n"
        "    assert (a @ a)[0, 0] == 64\n" + SETS_BODY
    )
    report = grade(short_kata, source, hidden=False)
    assert report.passed, report.message
    assert report.stdout.splitlines()[0] == "threads 1"


def test_a_file_larger_than_the_limit_cannot_be_written(short_kata: Kata) -> None:
    """8 MiB per file, below the 16 MiB scratch: the file-size limit itself stops it."""
    source = (
        "import signal\n"
        "\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "try:\n"
        "    with open('big', 'wb') as f:\n"
        "        for _ in range(10):\n"
        "            f.write(b'x' * 2**20)\n"
        "    print('wrote 10 MiB', flush=True)\n"
        "except OSError as e:\n"
        "    print('refused', e.strerror, flush=True)\n"
        "\n"
        "def intersection(xs, ys):\n" + SETS_BODY
    )
    report = grade(short_kata, source, hidden=False)
    assert report.stdout.splitlines()[0] == "refused File too large", report.stdout


def test_threads_are_limited(short_kata: Kata) -> None:
    source = (
        "import threading\n"
        "\n"
        "stop = threading.Event()\n"
        "started = 0\n"
        "try:\n"
        "    for _ in range(200):\n"
        "        threading.Thread(target=stop.wait, daemon=True).start()\n"
        "        started += 1\n"
        "except RuntimeError:\n"
        "    pass\n"
        "print('started', started, flush=True)\n"
        "stop.set()\n"
        "\n"
        "def intersection(xs, ys):\n" + SETS_BODY
    )
    report = grade(short_kata, source, hidden=False)
    match = re.match(r"started (\d+)\n", report.stdout)
    assert match, (report.verdict, report.message, report.stdout)
    assert int(match.group(1)) < 200
