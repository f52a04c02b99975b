"""`katabank questions ...`: import notes into the bank, list it, check it, score an answer."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from server.bank.checks import check_bank
from server.bank.corrections import load_corrections
from server.bank.files import load_bank
from server.bank.importer import import_notes
from server.catalog import Catalog
from server.config import Settings
from server.keypoints import coverage

__all__ = ["register"]


def register(subcommands: Any) -> None:
    """Add `questions import` and `questions list` to the `katabank` command line."""
    questions = subcommands.add_parser("questions", help="The question bank under questions/.")
    actions = questions.add_subparsers(dest="questions_command", required=True, metavar="ACTION")
    importing = actions.add_parser(
        "import",
        help="Turn notes into question files (idempotent; hand edits are kept).",
        description="Import notes into the question bank. Progress goes to stderr.",
    )
    importing.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="Note files to import (default: every file in questions/notes/).",
    )
    importing.set_defaults(run=_run_import)
    listing = actions.add_parser("list", help="Print the bank (loaded from the question files).")
    listing.add_argument("--json", action="store_true", help="One JSON list of question objects.")
    listing.set_defaults(run=_run_list)
    checking = actions.add_parser(
        "check",
        help="Check the bank's content: key points that are claims, answers that render.",
        description=(
            "Fail on key points that are fragments, headings, duplicates or contradicted by an "
            "editor's note, and on answers with empty bullets or unpaired maths delimiters."
        ),
    )
    checking.set_defaults(run=_run_check)
    scoring = actions.add_parser(
        "score",
        help="Score a typed answer against a question's key points, as answer mode does.",
        description="Score an answer file the way the answer page does.",
    )
    scoring.add_argument("question_id", metavar="QUESTION_ID", help="The question's id.")
    scoring.add_argument(
        "--answer-file", type=Path, required=True, metavar="FILE", help="The typed answer (UTF-8)."
    )
    scoring.add_argument(
        "--json",
        action="store_true",
        help='Print {"score": 0..1, "covered": [key points], "missed": [key points]}.',
    )
    scoring.set_defaults(run=_run_score)


def _run_import(args: argparse.Namespace) -> int:
    questions_dir = Settings().questions_dir
    paths = args.paths or sorted(
        path for path in (questions_dir / "notes").iterdir() if path.is_file()
    )
    report = import_notes(
        paths,
        questions_dir=questions_dir,
        corrections_path=questions_dir / "corrections.toml",
        progress=lambda line: print(line, file=sys.stderr),
    )
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(
        f"{len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.kept)} kept hand edits, "
        f"{len(report.removed)} removed; {report.merged} duplicates merged, "
        f"{report.corrected} corrections applied, {len(report.errors)} errors",
        file=sys.stderr,
    )
    return 1 if report.errors else 0


def _run_list(args: argparse.Namespace) -> int:
    docs, errors = load_bank(Settings().questions_dir)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if args.json:
        rows = [_as_json(doc) for doc in docs]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for doc in docs:
            print(f"{doc.id}\t{doc.difficulty}\t{', '.join(doc.topics)}\t{doc.prompt}")
    return 1 if errors else 0


def _run_check(args: argparse.Namespace) -> int:
    questions_dir = Settings().questions_dir
    docs, errors = load_bank(questions_dir)
    corrections, correction_errors = load_corrections(questions_dir / "corrections.toml")
    errors += correction_errors + check_bank(docs, corrections)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    points = sum(len(doc.key_points) for doc in docs)
    print(
        f"{len(docs)} questions, {points} key points checked: {len(errors)} problems",
        file=sys.stderr,
    )
    return 1 if errors else 0


def _run_score(args: argparse.Namespace) -> int:
    docs, _ = load_bank(Settings().questions_dir)
    catalog = Catalog(questions={doc.id: doc for doc in docs})
    doc = catalog.question(args.question_id)
    if doc is None:
        print(f"error: no question with id {args.question_id!r}", file=sys.stderr)
        return 2
    try:
        answer = args.answer_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read the answer file {args.answer_file}: {exc}", file=sys.stderr)
        return 2
    result = coverage(doc.key_points, answer, idf=catalog.idf, prompt=doc.prompt)
    covered = [point for point, hit in zip(doc.key_points, result.covered, strict=True) if hit]
    missed = [point for point, hit in zip(doc.key_points, result.covered, strict=True) if not hit]
    if args.json:
        row = {"score": round(result.score, 4), "covered": covered, "missed": missed}
        json.dump(row, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(f"score {result.score:.2f}: {len(covered)} of {len(doc.key_points)} key points")
        for point in doc.key_points:
            print(f"  {'covered' if point in covered else 'missed '}  {point}")
    return 0


def _as_json(doc: Any) -> dict[str, Any]:
    row = dataclasses.asdict(doc)
    row["path"] = str(doc.path)
    return row
