"""`katabank grade ...` and `katabank katas ...`: grade a file, list and self-check the katas."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import graders
from graders import doctor
from graders.errors import GraderError, KataError, SandboxUnavailable
from graders.report import Report
from graders.spec import Kata, load_kata, load_katas

__all__ = ["default_katas_dir", "register"]

EXIT_PASSED, EXIT_NOT_PASSED, EXIT_USAGE, EXIT_GRADER = 0, 1, 2, 3
_EXIT_CODES = (
    "exit status: 0 passed, 1 graded but not passed, 2 usage error (unknown kata, unreadable"
    " file, no sandbox on this host), 3 the kata or the grader is broken"
)


def default_katas_dir() -> Path:
    """KATABANK_KATAS_DIR if set, else the katas/ folder beside the graders package."""
    configured = os.environ.get("KATABANK_KATAS_DIR")
    return Path(configured) if configured else Path(graders.__file__).parent.parent / "katas"


def register(subcommands: Any) -> None:
    """Add `grade`, `katas list|check|import-exercism` and `doctor` to the command line."""
    grade = subcommands.add_parser(
        "grade", help="Grade a solution file against a kata, in the sandbox.", epilog=_EXIT_CODES
    )
    grade.add_argument("kata", metavar="KATA_ID", help="the kata's id (see `katabank katas list`)")
    grade.add_argument("file", metavar="FILE", help="the Python file to grade ('-' reads stdin)")
    grade.add_argument("--sample", action="store_true", help="run only the sample tests ('Run')")
    grade.add_argument("--json", action="store_true", help="print the report as one JSON object")
    grade.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="run without isolation where no sandbox is available: only for your own code",
    )
    _katas_dir_option(grade)
    grade.set_defaults(run=_run_grade)

    katas = subcommands.add_parser("katas", help="The katas under katas/.")
    actions = katas.add_subparsers(dest="katas_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="Print every kata (errors go to stderr).")
    listing.add_argument("--json", action="store_true", help="one JSON list of kata objects")
    _katas_dir_option(listing)
    listing.set_defaults(run=_run_list)
    check = actions.add_parser(
        "check",
        help="Self-check every kata: reference passes, starter fails, wrong/ and right/ as marked",
    )
    check.add_argument("ids", nargs="*", metavar="KATA_ID", help="check only these katas")
    _katas_dir_option(check)
    check.set_defaults(run=_run_check)
    importing = actions.add_parser(
        "import-exercism",
        help="Turn Exercism Python practice exercise folders into katas (checked in the sandbox)",
        epilog="exit status: 0 nothing refused (skipped exercises are fine), 1 some exercise"
        " refused, 2 usage error (unreadable track config)",
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="exercise folder")
    importing.add_argument(
        "--track-config",
        type=Path,
        default=None,
        help="the track's config.json: titles, difficulties and topics of its exercises",
    )
    importing.add_argument("--json", action="store_true", help="one JSON object (see README)")
    _katas_dir_option(importing)
    importing.set_defaults(run=_run_import_exercism)
    doctor.register(subcommands)


def _katas_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--katas-dir",
        type=Path,
        default=None,
        help="folder of katas (default: $KATABANK_KATAS_DIR, else katas/ beside the package)",
    )


def _run_grade(args: argparse.Namespace) -> int:
    katas_dir = args.katas_dir or default_katas_dir()
    try:
        kata = load_kata(katas_dir, args.kata, reviewed=True)
    except KataError as exc:
        print(f"katabank grade: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        source = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"katabank grade: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report = graders.grade(
            kata, source, hidden=not args.sample, unsafe_no_sandbox=args.unsafe_no_sandbox
        )
    except SandboxUnavailable as exc:
        print(f"katabank grade: {exc.detail}", file=sys.stderr)
        return EXIT_USAGE
    except GraderError as exc:  # whoever runs the command may see what went wrong inside
        print(f"katabank grade: {exc.detail}", file=sys.stderr)
        return EXIT_GRADER
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_as_text(report))
    return EXIT_PASSED if report.passed else EXIT_NOT_PASSED


def _as_text(report: Report) -> str:
    lines = [f"{report.verdict.upper()}: {report.message}"]
    for test in report.tests:
        note = f"  {test.message}" if test.message and test.outcome != "passed" else ""
        lines.append(f"  {test.outcome:8} {test.name}{note}")
    if report.failure:
        failure = report.failure
        lines += [f"input:    {failure.input}", f"expected: {failure.expected}"]
        lines += [f"got:      {failure.got}"]
    if report.error and report.error.traceback:
        lines += ["", report.error.traceback.rstrip()]
    if report.stdout:
        cut = " (cut short)" if report.stdout_truncated else ""
        lines += ["", f"your code printed{cut}:", report.stdout.rstrip()]
    lines.append(f"({report.duration_ms} ms{'' if report.sandboxed else ', NOT sandboxed'})")
    return "\n".join(lines) + "\n"


def _run_list(args: argparse.Namespace) -> int:
    katas, errors = load_katas(args.katas_dir or default_katas_dir(), reviewed=True)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if args.json:
        json.dump([_kata_json(kata) for kata in katas], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for kata in katas:
            print(f"{kata.id}\t{kata.difficulty}\t{kata.title}\t{', '.join(kata.topics)}")
    return 1 if errors else 0


def _kata_json(kata: Kata) -> dict[str, Any]:
    quick = kata.quick_answer
    return {
        "id": kata.id,
        "kind": kata.kind,
        "title": kata.title,
        "difficulty": kata.difficulty,
        "topics": list(kata.topics),
        "function": kata.function,
        "source": kata.source,
        "expected_minutes": kata.expected_minutes,
        "max_examples": kata.max_examples,
        "limits": asdict(kata.limits),
        "quick_answer": asdict(quick) if quick else None,
        "ordered": kata.ordered,
    }


def _run_check(args: argparse.Namespace) -> int:
    from graders.selfcheck import check_katas

    return check_katas(args.katas_dir or default_katas_dir(), only=args.ids)


def _run_import_exercism(args: argparse.Namespace) -> int:
    from graders import exercism

    try:
        track = exercism.load_track(args.track_config) if args.track_config else None
    except KataError as exc:
        print(f"katabank katas import-exercism: {exc}", file=sys.stderr)
        return EXIT_USAGE
    katas_dir = args.katas_dir or default_katas_dir()
    outcomes = []
    for path in args.paths:
        outcome = exercism.import_exercise(path, katas_dir, track=track)
        outcomes.append(outcome)
        if not args.json:
            why = f": {outcome.reason}" if outcome.reason else ""
            print(f"{outcome.slug} -> {outcome.id}: {outcome.status}{why}")
            for problem in outcome.problems:
                print(f"  - {problem}")
    refused = any(outcome.status is exercism.Status.REFUSED for outcome in outcomes)
    if args.json:
        result = {"katas_dir": str(katas_dir), "exercises": [o.to_json() for o in outcomes]}
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return EXIT_NOT_PASSED if refused else EXIT_PASSED
