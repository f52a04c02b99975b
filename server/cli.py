"""The one `katabank` command line: each feature registers its own sub-commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from graders import commands as grader_commands
from graders import doctor
from server import commands as server_commands
from server import health
from server.bank import commands as bank_commands
from server.grading import worker


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="katabank",
        description="Interview prep: a question bank from your notes and sandboxed coding katas.",
    )
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    server_commands.register(subcommands)
    bank_commands.register(subcommands)
    grader_commands.register(subcommands)
    worker.register(subcommands)
    # `katabank doctor` (the engine's) also checks what the server needs.
    doctor.add_check(health.database_check)
    doctor.add_check(health.queue_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and run the chosen command; its return value is the exit code."""
    args = build_parser().parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
