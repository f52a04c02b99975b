"""`--help` on each `katabank` command (issue 2, section 1), walked from the real parser."""

from __future__ import annotations

import argparse

import pytest

from server.cli import build_parser, main

REQUIRED = {
    ("serve",),
    ("questions", "import"),
    ("questions", "list"),
    ("users", "create"),
    ("grade",),
    ("katas", "list"),
    ("katas", "check"),
}


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every command path down to the leaves, e.g. ("questions", "import")."""
    found = {path}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= _commands(sub, (*path, name))
    return found


COMMANDS = sorted(_commands(build_parser()))


def test_the_required_commands_exist() -> None:
    assert set(COMMANDS) >= REQUIRED


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "katabank")
def test_each_command_has_help(
    command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {' '.join(('katabank', *command))}")
    # More than the usage line: a description or the options, each explained.
    assert len(out.strip().splitlines()) > 3, out
