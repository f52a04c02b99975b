"""Reviewed corrections of wrong answers in the notes (questions/corrections.toml).

Each `[[correction]]` names a note and an exact text (`match`) found in that note inside the
wrong answer; the importer appends the `editor_note` to that question's answer as a visible
blockquote. An entry that matches nothing is an error naming the file and the entry's line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from server.bank.files import BankError

__all__ = ["KEYS", "Correction", "editor_note_markdown", "load_corrections"]

# key -> required
KEYS = {"note": True, "match": True, "editor_note": True, "verified": False}
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*correction[ \t]*\]\]", re.MULTILINE)


@dataclass(frozen=True)
class Correction:
    """One reviewed correction, with where it is written so errors can point at it."""

    note: str
    match: str
    editor_note: str
    verified: str
    path: Path
    line: int


def load_corrections(path: Path) -> tuple[list[Correction], list[BankError]]:
    """The corrections in `path` (none when it does not exist) and any problems with them."""
    if not path.exists():
        return [], []
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        return [], [BankError(path, line, f"broken corrections file: {exc}")]
    unknown = sorted(set(data) - {"correction"})
    if unknown:
        return [], [BankError(path, None, f"unknown top-level keys: {', '.join(unknown)}")]
    entries = data.get("correction", [])
    lines = [text.count("\n", 0, found.start()) + 1 for found in _HEADER.finditer(text)]
    corrections: list[Correction] = []
    errors: list[BankError] = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else None
        problem = _problem(entry)
        if problem:
            errors.append(BankError(path, line, f"correction entry: {problem}"))
            continue
        corrections.append(
            Correction(
                note=entry["note"],
                match=entry["match"],
                editor_note=entry["editor_note"].strip(),
                verified=entry.get("verified", ""),
                path=path,
                line=line or 0,
            )
        )
    return corrections, errors


def editor_note_markdown(editor_note: str) -> str:
    """The visible note appended to a corrected answer."""
    lines = editor_note.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in lines[1:])
    head = f"> **Editor's note:** {lines[0]}"
    return f"{head}\n{quoted}" if quoted else head


def _problem(entry: object) -> str | None:
    if not isinstance(entry, dict):
        return "must be a table"
    unknown = sorted(set(entry) - set(KEYS))
    if unknown:
        return f"unknown keys {', '.join(unknown)} (known: {', '.join(KEYS)})"
    for key, required in KEYS.items():
        if required and key not in entry:
            return f"missing {key!r}"
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            return f"{key!r} must be a non-empty string"
    return None
