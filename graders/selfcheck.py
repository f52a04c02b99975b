"""`katabank katas check`: every kata tests itself through the real sandbox.

For each kata: the reference passes and each property runs its full example budget, the
starter does not pass, each wrong/ file gets the verdict its first line declares, and each
right/ file passes. Progress goes to stderr, kata by kata.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TextIO

from graders.errors import GraderError
from graders.grading import grade
from graders.report import Report, Verdict
from graders.spec import Kata, load_katas

__all__ = ["check_kata", "check_katas", "expected_verdict"]

# Hypothesis's reason when a strategy has no further distinct examples to give.
_EXHAUSTED = "nothing left to do"
_EXPECT = re.compile(r"(?:#|--)\s*expect:\s*(\w+)\s*")
# Two gradings at a time keep both cores busy (a grading's two workers share one CPU).
_PARALLEL = 2


def check_katas(katas_dir: Path, *, only: Sequence[str] = (), out: TextIO | None = None) -> int:
    """Check every kata (or those in `only`); 0 when all are sound, else 1."""
    out = out or sys.stderr
    katas, errors = load_katas(katas_dir, reviewed=True)
    for error in errors:
        print(f"error: {error}", file=out)
    unknown = set(only) - {kata.id for kata in katas}
    for kata_id in sorted(unknown):
        print(f"error: no kata {kata_id!r} in {katas_dir}", file=out)
    selected = [kata for kata in katas if not only or kata.id in only]
    failing = 0
    for kata in selected:
        started = time.monotonic()
        problems, gradings = check_kata(kata)
        took = time.monotonic() - started
        if problems:
            failing += 1
            print(f"{kata.id}: {len(problems)} problem(s) in {gradings} gradings", file=out)
            for problem in problems:
                print(f"  - {problem}", file=out)
        else:
            print(f"{kata.id}: ok ({gradings} gradings, {took:.1f} s)", file=out)
    bad = failing or errors or unknown or not selected
    print(f"{len(selected) - failing} of {len(selected)} katas sound", file=out)
    return 1 if bad else 0


def check_kata(kata: Kata) -> tuple[list[str], int]:
    """The problems found in one kata, and how many gradings it took to find them."""
    jobs: list[tuple[str, str, Verdict | None]] = [
        (f"reference{kata.suffix}", kata.reference, Verdict.PASSED),
        (f"starter{kata.suffix}", kata.starter, None),
    ]
    problems: list[str] = []
    for path in kata.solutions("wrong"):
        text = _read(path)
        verdict = expected_verdict(text)
        if verdict is None or verdict is Verdict.PASSED:
            comment = "--" if kata.kind == "sql" else "#"
            problems.append(f"wrong/{path.name}: first line must be '{comment} expect: <verdict>'")
            continue
        jobs.append((f"wrong/{path.name}", text, verdict))
    jobs += [(f"right/{p.name}", _read(p), Verdict.PASSED) for p in kata.solutions("right")]
    with ThreadPoolExecutor(_PARALLEL) as executor:
        reports = list(executor.map(lambda job: _attempt(kata, job[1]), jobs))
    for (name, _text, wanted), report in zip(jobs, reports, strict=True):
        if isinstance(report, str):
            problems.append(f"{name}: {report}")
        elif wanted is None and report.passed:
            problems.append(f"{name}: the starter passes the tests")
        elif wanted is not None and report.verdict is not wanted:
            problems.append(f"{name}: expected {wanted}, got {report.verdict}: {report.message}")
        elif name.startswith("reference."):
            problems += _budget_problems(kata, report)
    return problems, len(jobs)


def expected_verdict(source: str) -> Verdict | None:
    """The verdict a wrong/ file declares on its first line, `# expect: failed` (`--` in SQL)."""
    first = source.splitlines()[0] if source else ""
    match = _EXPECT.fullmatch(first.strip())
    if match is None or match.group(1) not in Verdict.__members__.values():
        return None
    return Verdict(match.group(1))


def _budget_problems(kata: Kata, report: Report) -> list[str]:
    """Properties that ran fewer examples than the budget (for a reason other than exhaustion)."""
    problems = []
    for test in report.tests:
        short = test.examples is not None and test.examples < kata.max_examples
        if short and test.stopped_because != _EXHAUSTED:
            problems.append(
                f"{test.name}: ran {test.examples} of {kata.max_examples} examples"
                f" ({test.stopped_because or 'stopped early'}); does it filter too much?"
            )
    return problems


def _attempt(kata: Kata, source: str) -> Report | str:
    try:
        return grade(kata, source)
    except GraderError as exc:
        return exc.detail


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
