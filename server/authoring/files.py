"""What the kata editor holds, and the kata folder's files it stands for.

`KataDraft` is the form: kata.toml's fields, the five required files, and the wrong solutions
(each with the verdict it must get) and right ones. `check_draft` trims it and enforces a limit
on every field (AuthoringError names the field); `to_files` writes the folder exactly as
katas/README.md describes it (`# expect: <verdict>` first in each wrong/ file), and
`from_files` reads such a folder back, so an exported kata imports unchanged.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, replace
from typing import Any

from graders import Verdict
from graders.selfcheck import expected_verdict
from graders.spec import DIFFICULTIES, MIN_MEMORY_MB

__all__ = [
    "MAX_TOTAL_BYTES",
    "VERDICTS",
    "AuthoringError",
    "KataDraft",
    "Solution",
    "check_draft",
    "from_files",
    "to_files",
]

MAX_ID = 64
MAX_TITLE = 200
MAX_TOPICS = 10
MAX_TOPIC = 60
MAX_STATEMENT = 50_000
MAX_CODE = 100_000
MAX_SOLUTIONS = 12
MAX_SOLUTION_NAME = 40
MAX_MINUTES = 240
MAX_EXAMPLES = 1_000
# Every request body is capped (Settings.max_body_bytes, 256 KiB by default) and the editor
# sends a kata as multipart/form-data, where text goes as it is except that each newline
# becomes CRLF: at most twice the files plus the fields' headers. So any kata this allows,
# imported or typed, can be saved from the editor without the body cap refusing it (a 413
# page would lose the edit), with room left to refuse a somewhat larger draft on the form.
MAX_TOTAL_BYTES = 100_000
# Authored katas get at most these limits: a check runs every solution through the sandbox.
MAX_LIMITS = {"wall_seconds": 30.0, "cpu_seconds": 20.0, "memory_mb": 1024, "output_kb": 256}
VERDICTS = tuple(str(v) for v in Verdict if v is not Verdict.PASSED)
SOURCE = "authored in the browser"
_ID = re.compile(r"[a-z0-9][a-z0-9_]*")
_RESERVED = {"new", "import"}  # page names under /manage/katas/
_SOLUTION_NAME = re.compile(r"[a-z0-9][a-z0-9_]*")
_CODE_FILES = {
    "starter": "starter.py",
    "reference": "reference.py",
    "tests_sample": "tests_sample.py",
    "tests_hidden": "tests_hidden.py",
}
_TOML_KEYS = {
    "id",
    "title",
    "difficulty",
    "topics",
    "function",
    "source",
    "expected_minutes",
    "max_examples",
    "limits",
}


class AuthoringError(Exception):
    """An authored kata (or an archive of one) that breaks a rule; `field` names what."""

    status_code = 422

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = f"{field}: {message}"


@dataclass(frozen=True)
class Solution:
    """A file under wrong/ (with the verdict it must get) or right/ (verdict None)."""

    name: str
    code: str
    verdict: str | None = None


@dataclass(frozen=True)
class KataDraft:
    """The editor's fields; limits the author leaves empty take the engine's defaults."""

    kata_id: str
    title: str
    function: str
    statement: str
    starter: str
    reference: str
    tests_sample: str
    tests_hidden: str
    difficulty: str = "medium"
    topics: tuple[str, ...] = ()
    expected_minutes: int = 15
    max_examples: int | None = None
    limits: tuple[tuple[str, float], ...] = ()
    wrong: tuple[Solution, ...] = ()
    right: tuple[Solution, ...] = ()


def check_draft(draft: KataDraft) -> KataDraft:
    """The draft trimmed; AuthoringError naming the first field that is wrong."""
    kata_id = draft.kata_id.strip()
    if not _ID.fullmatch(kata_id) or len(kata_id) > MAX_ID:
        raise AuthoringError(
            "kata_id",
            f"use 1 to {MAX_ID} lower-case letters, digits and '_', starting with a letter"
            " or digit.",
        )
    if kata_id in _RESERVED:
        raise AuthoringError("kata_id", f"{kata_id!r} is reserved; choose another id.")
    title = draft.title.strip()
    if not title or len(title) > MAX_TITLE:
        raise AuthoringError("title", f"give a title of at most {MAX_TITLE} characters.")
    if draft.difficulty not in DIFFICULTIES:
        raise AuthoringError("difficulty", f"must be one of {', '.join(DIFFICULTIES)}.")
    topics = [topic.strip().lower() for topic in draft.topics if topic.strip()]
    if len(topics) > MAX_TOPICS or any(len(topic) > MAX_TOPIC for topic in topics):
        raise AuthoringError(
            "topics", f"at most {MAX_TOPICS} topics of at most {MAX_TOPIC} characters each."
        )
    function = draft.function.strip()
    if not function.isidentifier() or len(function) > MAX_SOLUTION_NAME * 2:
        raise AuthoringError("function", "must be a Python identifier (the candidate's function).")
    if not 1 <= draft.expected_minutes <= MAX_MINUTES:
        raise AuthoringError("expected_minutes", f"must be between 1 and {MAX_MINUTES}.")
    if draft.max_examples is not None and not 1 <= draft.max_examples <= MAX_EXAMPLES:
        raise AuthoringError("max_examples", f"must be between 1 and {MAX_EXAMPLES}.")
    limits = _checked_limits(draft.limits)
    statement = _code(draft.statement).strip()
    if not statement or len(statement) > MAX_STATEMENT:
        raise AuthoringError(
            "statement", f"write a statement of at most {MAX_STATEMENT} characters."
        )
    code = {}
    for name in _CODE_FILES:
        text = _code(getattr(draft, name))
        if not text.strip() or len(text) > MAX_CODE:
            raise AuthoringError(name, f"must be non-empty and at most {MAX_CODE} characters.")
        code[name] = text
    wrong = _checked_solutions("wrong", draft.wrong, verdicts=True)
    right = _checked_solutions("right", draft.right, verdicts=False)
    if not wrong:
        raise AuthoringError("wrong", "add at least one wrong solution with its verdict.")
    clean = replace(
        draft,
        kata_id=kata_id,
        title=title,
        function=function,
        topics=tuple(dict.fromkeys(topics)),
        statement=statement + "\n",
        limits=limits,
        wrong=wrong,
        right=right,
        starter=code["starter"],
        reference=code["reference"],
        tests_sample=code["tests_sample"],
        tests_hidden=code["tests_hidden"],
    )
    if sum(len(text.encode()) for text in to_files(clean).values()) > MAX_TOTAL_BYTES:
        raise AuthoringError(
            "kata", f"all files together must come to at most {MAX_TOTAL_BYTES:,} bytes (UTF-8)."
        )
    return clean


def to_files(draft: KataDraft) -> dict[str, str]:
    """The kata folder: relative path -> text."""
    files = {
        "kata.toml": _kata_toml(draft),
        "statement.md": draft.statement,
        **{path: getattr(draft, name) for name, path in _CODE_FILES.items()},
    }
    for solution in draft.wrong:
        files[f"wrong/{solution.name}.py"] = f"# expect: {solution.verdict}\n{solution.code}"
    for solution in draft.right:
        files[f"right/{solution.name}.py"] = solution.code
    return files


def from_files(files: dict[str, str]) -> KataDraft:
    """The draft a kata folder's files stand for; AuthoringError naming the file at fault."""
    if "kata.toml" not in files:
        raise AuthoringError("kata.toml", "missing.")
    try:
        data = tomllib.loads(files["kata.toml"])
    except tomllib.TOMLDecodeError as exc:
        raise AuthoringError("kata.toml", str(exc)) from exc
    unknown = sorted(set(data) - _TOML_KEYS)
    if unknown:
        raise AuthoringError("kata.toml", f"key {unknown[0]!r} is not supported here.")
    for path in ("statement.md", *_CODE_FILES.values()):
        if path not in files:
            raise AuthoringError(path, "missing.")
    wrong, right = [], []
    for path, text in sorted(files.items()):
        folder, _, name = path.partition("/")
        if folder == "wrong" and name.endswith(".py"):
            verdict = expected_verdict(text)
            if verdict is None or verdict is Verdict.PASSED:
                raise AuthoringError(path, "the first line must be '# expect: <verdict>'.")
            wrong.append(Solution(name.removesuffix(".py"), _after_first_line(text), str(verdict)))
        elif folder == "right" and name.endswith(".py"):
            right.append(Solution(name.removesuffix(".py"), text))
        elif path not in ("kata.toml", "statement.md", *_CODE_FILES.values()):
            raise AuthoringError(path, "not a file of a kata folder.")
    limits = data.get("limits", {})
    if not isinstance(limits, dict):
        raise AuthoringError("kata.toml", "'limits' must be a table.")
    try:
        return KataDraft(
            kata_id=_str(data, "id"),
            title=_str(data, "title"),
            function=_str(data, "function"),
            difficulty=_str(data, "difficulty"),
            topics=tuple(_strings(data.get("topics", []))),
            expected_minutes=_int(data.get("expected_minutes")),
            max_examples=None if "max_examples" not in data else _int(data["max_examples"]),
            limits=tuple((str(key), _number(f"limits.{key}", v)) for key, v in limits.items()),
            statement=files["statement.md"],
            starter=files["starter.py"],
            reference=files["reference.py"],
            tests_sample=files["tests_sample.py"],
            tests_hidden=files["tests_hidden.py"],
            wrong=tuple(wrong),
            right=tuple(right),
        )
    except (TypeError, ValueError) as exc:
        raise AuthoringError("kata.toml", str(exc)) from exc


def _checked_limits(limits: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    checked = []
    for key, value in limits:
        ceiling = MAX_LIMITS.get(key)
        if ceiling is None:
            raise AuthoringError("limits", f"unknown limit {key!r}.")
        if isinstance(value, bool) or not 0 < value <= ceiling:
            raise AuthoringError(f"limits.{key}", f"must be above 0 and at most {ceiling:g}.")
        if key == "memory_mb" and value < MIN_MEMORY_MB:
            raise AuthoringError("limits.memory_mb", f"must be at least {MIN_MEMORY_MB}.")
        checked.append((key, int(value) if key in ("memory_mb", "output_kb") else float(value)))
    return tuple(checked)


def _checked_solutions(
    folder: str, solutions: tuple[Solution, ...], *, verdicts: bool
) -> tuple[Solution, ...]:
    kept = [s for s in solutions if s.name.strip() or s.code.strip()]
    if len(kept) > MAX_SOLUTIONS:
        raise AuthoringError(folder, f"at most {MAX_SOLUTIONS} solutions.")
    names: set[str] = set()
    checked = []
    for number, solution in enumerate(kept, start=1):
        where = f"{folder} solution {number}"
        name = solution.name.strip().removesuffix(".py")
        if not _SOLUTION_NAME.fullmatch(name) or len(name) > MAX_SOLUTION_NAME:
            raise AuthoringError(
                where, f"name it with at most {MAX_SOLUTION_NAME} lower-case letters, digits, '_'."
            )
        if name in names:
            raise AuthoringError(where, f"two solutions are called {name!r}.")
        names.add(name)
        code = _code(solution.code)
        if folder == "wrong":
            # The verdict is its own field; a pasted `# expect:` line is not kept twice.
            code = _after_first_line(code) if expected_verdict(code) else code
        if not code.strip() or len(code) > MAX_CODE:
            raise AuthoringError(where, f"must be non-empty and at most {MAX_CODE} characters.")
        if verdicts and solution.verdict not in VERDICTS:
            raise AuthoringError(where, f"declare one of {', '.join(VERDICTS)}.")
        checked.append(Solution(name, code, solution.verdict if verdicts else None))
    return tuple(checked)


def _kata_toml(draft: KataDraft) -> str:
    lines = [
        f"id = {_toml(draft.kata_id)}",
        f"title = {_toml(draft.title)}",
        f"difficulty = {_toml(draft.difficulty)}",
        f"topics = {_toml(list(draft.topics))}",
        f"function = {_toml(draft.function)}",
        f"source = {_toml(SOURCE)}",
        f"expected_minutes = {draft.expected_minutes}",
    ]
    if draft.max_examples is not None:
        lines.append(f"max_examples = {draft.max_examples}")
    if draft.limits:
        lines += ["", "[limits]", *(f"{key} = {value}" for key, value in draft.limits)]
    return "\n".join(lines) + "\n"


def _toml(value: str | list[str]) -> str:
    """A TOML string or array of strings: JSON's, with characters outside ASCII kept as they
    are (JSON escapes them as UTF-16 pairs, which TOML refuses) and DEL escaped (TOML wants)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _code(text: str) -> str:
    """Text as stored: Unix newlines (browsers send CRLF), one final newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip() + "\n" if text.strip() else ""


def _after_first_line(text: str) -> str:
    return text.partition("\n")[2]


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    return value


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("'topics' must be a list of strings")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, not {value!r}")
    return value


def _number(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key!r} must be a number, not {value!r}")
    return value  # a whole number stays one: the editor shows memory_mb = 300 as 300, not 300.0
