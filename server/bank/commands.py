"""`katabank questions ...`: import notes into the bank and list the bank."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from server.bank.files import load_bank
from server.bank.importer import import_notes
from server.config import Settings

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


def _as_json(doc: Any) -> dict[str, Any]:
    row = dataclasses.asdict(doc)
    row["path"] = str(doc.path)
    return row
