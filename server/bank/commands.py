"""`katabank questions ...`: import notes into the bank and list the bank."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from server.bank.files import load_bank
from server.config import Settings

__all__ = ["register"]


def register(subcommands: Any) -> None:
    """Add `questions import` and `questions list` to the `katabank` command line."""
    questions = subcommands.add_parser("questions", help="The question bank under questions/.")
    actions = questions.add_subparsers(dest="questions_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="Print the bank (loaded from the question files).")
    listing.add_argument("--json", action="store_true", help="One JSON list of question objects.")
    listing.set_defaults(run=_run_list)


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
