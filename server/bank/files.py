"""Question files: one Markdown file per question, TOML front matter between `+++` lines.

The format is documented in questions/README.md; `FRONT_MATTER_KEYS` is the single list of
keys, and a test fails when one of them is missing from that README.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from server.bank.text import slug

__all__ = [
    "DIFFICULTIES",
    "FRONT_MATTER_KEYS",
    "BankError",
    "QuestionDoc",
    "QuestionFileError",
    "is_hand_edited",
    "load_bank",
    "parse_question",
    "question_id",
    "render_question",
]

DELIMITER = "+++"
DIFFICULTIES = ("easy", "medium", "hard")
# key -> (required, expected type); order is the order keys are written in.
FRONT_MATTER_KEYS: dict[str, tuple[bool, type]] = {
    "id": (True, str),
    "prompt": (True, str),
    "topics": (False, list),
    "difficulty": (True, str),
    "source": (True, str),
    "also_in": (False, list),
    "key_points": (False, list),
    "imported_hash": (False, str),
}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
_HASH_LINE = re.compile(r'^imported_hash = "([0-9a-f]*)"\n', re.MULTILINE)


@dataclass(frozen=True)
class QuestionDoc:
    """One question as its file states it; `answer` is Markdown."""

    id: str
    prompt: str
    answer: str
    topics: tuple[str, ...]
    difficulty: str
    source: str
    key_points: tuple[str, ...]
    path: Path
    also_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class BankError:
    """A problem with one file, located so that a person can go and fix it."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.message}"


class QuestionFileError(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def question_id(note: str, prompt: str) -> str:
    """A stable id: a readable slug of the prompt plus a short hash of note and prompt."""
    normal = " ".join(re.sub(r"[^\w\s]", " ", prompt.lower()).split())
    words = slug(normal.encode("ascii", "ignore").decode())
    head = words[:60].rsplit("-", 1)[0] if len(words) > 60 else words
    digest = hashlib.sha256(f"{note}\n{normal}".encode()).hexdigest()[:8]
    return f"{head}-{digest}" if head else f"q-{digest}"


def load_bank(questions_dir: Path) -> tuple[list[QuestionDoc], list[BankError]]:
    """Load every `*.md` question file (README.md aside); a bad file is reported, never fatal."""
    docs: list[QuestionDoc] = []
    errors: list[BankError] = []
    first_path: dict[str, Path] = {}
    for path in sorted(questions_dir.glob("*.md")):
        if path.name == "README.md":
            continue
        try:
            text = path.read_text(encoding="utf-8")
            doc = parse_question(text, path=path)
        except QuestionFileError as exc:
            errors.append(BankError(path, exc.line, exc.message))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(BankError(path, None, f"cannot read: {exc}"))
            continue
        if doc.id in first_path:
            errors.append(
                BankError(
                    path,
                    _line_of_key(text, "id"),
                    f"duplicate id {doc.id!r}, already used by {first_path[doc.id]}",
                )
            )
            continue
        first_path[doc.id] = path
        docs.append(doc)
    return docs, errors


def parse_question(text: str, *, path: Path) -> QuestionDoc:
    """Parse one question file; raises `QuestionFileError` with the file line of the problem."""
    meta, answer, offset = _split(text)
    try:
        data = tomllib.loads(meta)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) + offset if found else offset
        raise QuestionFileError(line, f"broken front matter: {exc}") from None
    _check(data, meta, offset)
    return QuestionDoc(
        id=data["id"],
        prompt=data["prompt"].strip(),
        answer=answer.strip("\n"),
        topics=tuple(data.get("topics", ())),
        difficulty=data["difficulty"],
        source=data["source"],
        key_points=tuple(data.get("key_points", ())),
        path=path,
        also_in=tuple(data.get("also_in", ())),
    )


def render_question(
    *,
    id: str,
    prompt: str,
    answer: str,
    topics: tuple[str, ...],
    difficulty: str,
    source: str,
    key_points: tuple[str, ...],
    also_in: tuple[str, ...] = (),
    with_hash: bool = True,
) -> str:
    """The text of a question file; with `with_hash`, stamped so hand edits can be detected."""
    data: dict[str, Any] = {"id": id, "prompt": prompt, "topics": list(topics)}
    data |= {"difficulty": difficulty, "source": source}
    if also_in:
        data["also_in"] = list(also_in)
    data["key_points"] = list(key_points)
    meta = tomli_w.dumps(data, multiline_strings=False)
    body = f"{DELIMITER}\n{meta}{DELIMITER}\n\n{answer.strip()}\n"
    if not with_hash:
        return body
    stamp = f'imported_hash = "{_digest(body)}"\n'
    return body.replace(f"{meta}{DELIMITER}\n", f"{meta}{stamp}{DELIMITER}\n", 1)


def is_hand_edited(text: str) -> bool:
    """True when a file has no import stamp or its content no longer matches the stamp."""
    found = _HASH_LINE.search(text)
    if found is None:
        return True
    return _digest(text[: found.start()] + text[found.end() :]) != found.group(1)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _split(text: str) -> tuple[str, str, int]:
    """Front matter, body, and the file line number just before the front matter's first line."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != DELIMITER:
        raise QuestionFileError(1, f"broken front matter: the first line must be {DELIMITER}")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == DELIMITER:
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), 1
    raise QuestionFileError(1, f"broken front matter: no closing {DELIMITER} line")


def _check(data: dict[str, Any], meta: str, offset: int) -> None:
    def fail(key: str, message: str) -> QuestionFileError:
        return QuestionFileError(_line_of_key(meta, key, offset), message)

    for key, value in data.items():
        if key not in FRONT_MATTER_KEYS:
            raise fail(key, f"unknown key {key!r} (known: {', '.join(FRONT_MATTER_KEYS)})")
        expected = FRONT_MATTER_KEYS[key][1]
        if not isinstance(value, expected):
            raise fail(key, f"{key} must be a {expected.__name__}")
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            raise fail(key, f"{key} must be a list of strings")
    for key, (required, _) in FRONT_MATTER_KEYS.items():
        if required and key not in data:
            raise QuestionFileError(offset, f"broken front matter: missing required key {key!r}")
    if not _ID.match(data["id"]):
        raise fail("id", f"id {data['id']!r} must be lowercase letters, digits and dashes (<= 120)")
    if not data["prompt"].strip():
        raise fail("prompt", "prompt is empty")
    if data["difficulty"] not in DIFFICULTIES:
        allowed = ", ".join(DIFFICULTIES)
        raise fail("difficulty", f"difficulty must be one of {allowed}, not {data['difficulty']!r}")


def _line_of_key(text: str, key: str, offset: int = 0) -> int | None:
    found = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    if found is None:
        return None
    return offset + text.count("\n", 0, found.start()) + 1
