"""A kata as the files under katas/<id>/ define it, validated when it is loaded."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from graders.errors import KataError

__all__ = [
    "DIFFICULTIES",
    "KINDS",
    "Kata",
    "Limits",
    "QuickAnswer",
    "load_kata",
    "load_katas",
]

DIFFICULTIES = ("easy", "medium", "hard")
# What the candidate writes: a Python function (the default), a class whose objects the tests
# drive through method calls (`function` names either), or an SQL query (graders.sqlkata).
KINDS = ("function", "class", "sql")
# The suffix of the starter, the reference and right/ and wrong/ files, by kind.
SUFFIXES = {"function": ".py", "class": ".py", "sql": ".sql"}
_PYTHON_FILES = (
    "statement.md",
    "starter.py",
    "reference.py",
    "tests_sample.py",
    "tests_hidden.py",
)
REQUIRED_FILES = {
    "function": _PYTHON_FILES,
    "class": _PYTHON_FILES,
    "sql": (
        "statement.md",
        "schema.sql",
        "starter.sql",
        "reference.sql",
        "tests_sample.py",
        "tests_hidden.py",
    ),
}
SAMPLE_TESTS = ("tests_sample.py",)
HIDDEN_TESTS = ("tests_sample.py", "tests_hidden.py")
MIN_MEMORY_MB = 128
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_REQUIRED_KEYS = {
    "id": str,
    "title": str,
    "difficulty": str,
    "source": str,
}


@dataclass(frozen=True)
class Limits:
    """What one grading may use; every field has a default (see katas/README.md)."""

    wall_seconds: float = 10.0
    cpu_seconds: float = 5.0
    memory_mb: int = 256
    output_kb: int = 64


@dataclass(frozen=True)
class QuickAnswer:
    """A number the candidate may type instead of writing code (probability puzzles)."""

    prompt: str
    answer: str
    abs_tolerance: float = 0.0


@dataclass(frozen=True)
class Kata:
    """One kata: its metadata from kata.toml and where its files are."""

    id: str
    title: str
    difficulty: str
    topics: tuple[str, ...]
    function: str
    source: str
    path: Path
    expected_minutes: int
    kind: str = "function"
    limits: Limits = field(default_factory=Limits)
    max_examples: int = 100
    quick_answer: QuickAnswer | None = None
    ordered: bool = False
    # The deployment's own reviewed files (katas/), not a user's: the harness may import its
    # tests once outside any grading's sandbox and fork its gradings from there.
    reviewed: bool = False

    @property
    def suffix(self) -> str:
        """The suffix of what the candidate writes: ".py" or ".sql"."""
        return SUFFIXES[self.kind]

    @property
    def language(self) -> str:
        """The editor's language for what the candidate writes: "python" or "sql"."""
        return "sql" if self.kind == "sql" else "python"

    @property
    def statement(self) -> str:
        """The problem statement (Markdown)."""
        return (self.path / "statement.md").read_text(encoding="utf-8")

    @property
    def starter(self) -> str:
        """The code the candidate starts from."""
        return (self.path / f"starter{self.suffix}").read_text(encoding="utf-8")

    @property
    def reference(self) -> str:
        """The reference solution (never sent to the candidate's sandbox)."""
        return (self.path / f"reference{self.suffix}").read_text(encoding="utf-8")

    def harness_files(self) -> dict[str, str]:
        """What the test harness receives: every top-level module but the starter.

        An SQL kata's tests also get its schema, reference query and kata.toml.
        """
        paths = list(self.path.glob("*.py"))
        if self.kind == "sql":
            paths += [self.path / name for name in ("schema.sql", "reference.sql", "kata.toml")]
        return {
            path.name: path.read_text(encoding="utf-8")
            for path in sorted(paths)
            if path.name != "starter.py"
        }

    def solutions(self, folder: str) -> list[Path]:
        """The files under wrong/ or right/, sorted by name."""
        return sorted((self.path / folder).glob(f"*{self.suffix}"))


def load_kata(katas_dir: Path, kata_id: str, *, reviewed: bool = False) -> Kata:
    """Load and validate katas/<id>/; raise KataError naming the file and key at fault.

    `reviewed`: the folder is the deployment's own katas/, not content a user wrote.
    """
    if not _ID.fullmatch(kata_id):
        raise KataError(f"{kata_id!r}: not a kata id (lower case letters, digits, '_' and '-')")
    folder = Path(katas_dir) / kata_id
    toml_path = folder / "kata.toml"
    if not toml_path.is_file():
        raise KataError(f"{toml_path}: no such kata")
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KataError(f"{toml_path}: {exc}") from exc
    kind = data.get("kind", "function")
    for name in REQUIRED_FILES.get(kind, ()):
        if not (folder / name).is_file():
            raise KataError(f"{folder / name}: missing")
    return _parse(data, folder, toml_path, reviewed=reviewed)


def load_katas(katas_dir: Path, *, reviewed: bool = False) -> tuple[list[Kata], list[str]]:
    """Every kata under `katas_dir` that loads, and one message per kata that does not."""
    katas: list[Kata] = []
    errors: list[str] = []
    for folder in sorted(Path(katas_dir).iterdir()) if Path(katas_dir).is_dir() else []:
        if not (folder / "kata.toml").is_file():
            continue
        try:
            katas.append(load_kata(katas_dir, folder.name, reviewed=reviewed))
        except KataError as exc:
            errors.append(str(exc))
    return katas, errors


def _parse(data: dict[str, Any], folder: Path, where: Path, *, reviewed: bool) -> Kata:
    known = {
        *_REQUIRED_KEYS,
        "topics",
        "kind",
        "expected_minutes",
        "limits",
        "max_examples",
        "quick_answer",
        "function",
        "ordered",
    }
    for key in data:
        if key not in known:
            raise KataError(f"{where}: unknown key {key!r}")
    for key, kind in _REQUIRED_KEYS.items():
        if not isinstance(data.get(key), kind) or not data[key]:
            raise KataError(f"{where}: {key!r} must be a non-empty {kind.__name__}")
    if data["id"] != folder.name:
        raise KataError(f"{where}: 'id' is {data['id']!r} but the folder is {folder.name!r}")
    if data["difficulty"] not in DIFFICULTIES:
        raise KataError(f"{where}: 'difficulty' must be one of {', '.join(DIFFICULTIES)}")
    kind = data.get("kind", "function")
    if kind not in KINDS:
        raise KataError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    # An SQL kata's candidate process serves one function the engine names.
    function = data.get("function", "query" if kind == "sql" else None)
    if not isinstance(function, str) or not function.isidentifier():
        raise KataError(f"{where}: 'function' must be a Python identifier")
    if kind == "sql" and function != "query":
        raise KataError(f"{where}: an sql kata's 'function' is 'query' (or left out)")
    ordered = data.get("ordered", False)
    if not isinstance(ordered, bool) or (ordered and kind != "sql"):
        raise KataError(f"{where}: 'ordered' must be true or false, and only for an sql kata")
    topics = data.get("topics")
    if not isinstance(topics, list) or not all(isinstance(t, str) and t for t in topics):
        raise KataError(f"{where}: 'topics' must be a list of strings")
    max_examples = data.get("max_examples", 100)
    if not _positive(max_examples, int):
        raise KataError(f"{where}: 'max_examples' must be a positive integer")
    # Mock interviews and sets budget their time with it, so every kata must say.
    if not _positive(data.get("expected_minutes"), int):
        raise KataError(f"{where}: 'expected_minutes' must be a positive integer")
    return Kata(
        id=data["id"],
        title=data["title"],
        difficulty=data["difficulty"],
        topics=tuple(topics),
        function=function,
        source=data["source"],
        path=folder,
        expected_minutes=data["expected_minutes"],
        kind=kind,
        limits=_limits(data.get("limits", {}), where),
        max_examples=max_examples,
        quick_answer=_quick_answer(data.get("quick_answer"), where),
        ordered=ordered,
        reviewed=reviewed,
    )


def _limits(table: Any, where: Path) -> Limits:
    if not isinstance(table, dict):
        raise KataError(f"{where}: 'limits' must be a table")
    defaults = {item.name: item.default for item in fields(Limits)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        default = defaults.get(key)
        if default is None:
            raise KataError(f"{where}: unknown key 'limits.{key}'")
        kind = int if isinstance(default, int) else float
        if not _positive(value, kind):
            raise KataError(f"{where}: 'limits.{key}' must be a positive {kind.__name__}")
        values[key] = kind(value)
    if values.get("memory_mb", defaults["memory_mb"]) < MIN_MEMORY_MB:
        # The interpreter and numpy alone take about 100 MiB of address space.
        raise KataError(f"{where}: 'limits.memory_mb' must be at least {MIN_MEMORY_MB}")
    return Limits(**values)


def _quick_answer(table: Any, where: Path) -> QuickAnswer | None:
    if table is None:
        return None
    if not isinstance(table, dict):
        raise KataError(f"{where}: 'quick_answer' must be a table")
    for key in table:
        if key not in ("prompt", "answer", "abs_tolerance"):
            raise KataError(f"{where}: unknown key 'quick_answer.{key}'")
    for key in ("prompt", "answer"):
        if not isinstance(table.get(key), str) or not table[key]:
            raise KataError(f"{where}: 'quick_answer.{key}' must be a non-empty string")
    tolerance = table.get("abs_tolerance", 0.0)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or tolerance < 0:
        raise KataError(f"{where}: 'quick_answer.abs_tolerance' must be a number >= 0")
    return QuickAnswer(table["prompt"], table["answer"], float(tolerance))


def _positive(value: Any, kind: type) -> bool:
    """A positive number of `kind`; an int is fine where a float is wanted, a bool never."""
    allowed = (int,) if kind is int else (int, float)
    return not isinstance(value, bool) and isinstance(value, allowed) and value > 0
