"""`katabank katas import-exercism`: Exercism Python practice exercises become katas.

An exercise folder of the exercism/python track (.docs/instructions.md, .meta/config.json,
.meta/example.py, the stub and its unittest file) becomes katas/<slug with '_'>/: statement
from the instructions, starter from the stub, reference from the example, the exercise's
tests split into sample and hidden tests, and a generated module named like the stub that
binds the names the tests import to the candidate's code (graders/_inside/harness/exercise.py).
The tests stay as written. Each kata is checked in the sandbox before it is installed;
exercises a kata cannot express (several files, standard input) are skipped with the reason.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import shutil
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from graders.errors import KataError
from graders.selfcheck import check_kata
from graders.spec import Kata, load_kata

__all__ = [
    "SOURCE_PREFIX",
    "Outcome",
    "Status",
    "TrackEntry",
    "import_exercise",
    "import_exercises",
    "load_track",
]

SOURCE_PREFIX = "exercism/python: "
# Test methods the candidate sees ("Run"); never more than half of them, at least one.
SAMPLE_TESTS = 3
# Exercism's own bands for its 1-10 track difficulty (its website shows easy 1-3, medium 4-7).
_BANDS = ((3, "easy"), (7, "medium"), (10, "hard"))
# Without a track config, the middle. Our katas average 10/17/28 minutes by difficulty; an
# Exercism statement is read cold and its tests probe every edge, so a few minutes more.
DEFAULT_DIFFICULTY = "medium"
MINUTES = {"easy": 15, "medium": 20, "hard": 30}
_MAX_FILE_BYTES = 256 * 1024
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Module names the generated stand-in must not take: the kata's own files and the harness's.
_RESERVED = {
    "conftest",
    "graders",
    "hypothesis",
    "numpy",
    "pytest",
    "reference",
    "solution",
    "starter",
    "tests_hidden",
    "tests_sample",
}
_LICENSE = "MIT License, Copyright (c) Exercism"
_TRACK_URL = "https://github.com/exercism/python"


class Status(StrEnum):
    """What became of one exercise folder."""

    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    REFUSED = "refused"


@dataclass(frozen=True)
class Outcome:
    """One exercise's result, as `--json` prints it (see README, CLI)."""

    path: str
    slug: str
    id: str
    status: Status
    reason: str = ""
    problems: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "slug": self.slug,
            "id": self.id,
            "status": str(self.status),
            "reason": self.reason,
            "problems": list(self.problems),
        }


@dataclass(frozen=True)
class TrackEntry:
    """What the track's config.json says of one exercise."""

    name: str
    difficulty: str
    topics: tuple[str, ...] = ()


class _Skip(Exception):
    """The exercise is not something a kata can be (several files, standard input)."""


class _Refuse(Exception):
    """The exercise could be a kata, but this one is broken or would overwrite another."""

    def __init__(self, reason: str, problems: Sequence[str] = ()) -> None:
        super().__init__(reason)
        self.problems = tuple(problems)


Checker = Callable[[Kata], tuple[list[str], int]]


def load_track(path: Path) -> dict[str, TrackEntry]:
    """The practice exercises of a track's config.json by slug; KataError if unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["exercises"]["practice"]
        track: dict[str, TrackEntry] = {}
        for entry in entries:
            level = int(entry.get("difficulty", 0))
            difficulty = next((name for top, name in _BANDS if level <= top), "hard")
            concepts = [*(entry.get("practices") or []), *(entry.get("topics") or [])]
            track[str(entry["slug"])] = TrackEntry(
                name=str(entry.get("name") or entry["slug"]),
                difficulty=difficulty if level > 0 else DEFAULT_DIFFICULTY,
                topics=tuple(str(topic) for topic in concepts),
            )
    except OSError as exc:
        raise KataError(f"{path}: cannot read: {exc.strerror}") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KataError(f"{path}: not an Exercism track config.json ({exc!r})") from exc
    return track


def import_exercises(
    paths: Iterable[Path],
    katas_dir: Path,
    *,
    track: dict[str, TrackEntry] | None = None,
    check: Checker | None = None,
) -> list[Outcome]:
    """Import each exercise folder into `katas_dir`, one Outcome each, in order."""
    return [import_exercise(Path(p), katas_dir, track=track, check=check) for p in paths]


def import_exercise(
    path: Path,
    katas_dir: Path,
    *,
    track: dict[str, TrackEntry] | None = None,
    check: Checker | None = None,
) -> Outcome:
    """Import one exercise folder; never raises for a bad exercise, says why instead."""
    slug = path.resolve().name
    kata_id = slug.replace("-", "_")
    try:
        exercise = _read(path, slug)
        files = _kata_files(exercise, (track or {}).get(slug))
        status = _install(files, Path(katas_dir), kata_id, slug, check)
    except _Skip as exc:
        return Outcome(str(path), slug, kata_id, Status.SKIPPED, str(exc))
    except _Refuse as exc:
        return Outcome(str(path), slug, kata_id, Status.REFUSED, str(exc), exc.problems)
    except OSError as exc:  # writing under katas_dir
        reason = f"cannot write the kata: {exc.strerror}: {exc.filename}"
        return Outcome(str(path), slug, kata_id, Status.REFUSED, reason)
    return Outcome(str(path), slug, kata_id, status)


@dataclass
class _Exercise:
    """An exercise folder, read and understood."""

    slug: str
    config: dict[str, Any]
    module: str
    stub: str
    example: str
    tests: ast.Module
    statement_parts: list[str]
    callables: list[str] = field(default_factory=list)
    # Every exception class the example defines, with its base, and those the tests import.
    exception_bases: dict[str, str] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    main: str = ""
    kind: str = "function"


def _read(path: Path, slug: str) -> _Exercise:
    if not _SLUG.fullmatch(slug):
        raise _Refuse(f"{path}: the folder's name is not an Exercism slug (like 'two-fer')")
    config_path = path / ".meta" / "config.json"
    try:
        config = json.loads(_text(config_path))
        files = config["files"]
        solution, tests, example = (list(files[key]) for key in ("solution", "test", "example"))
        editor = list(files.get("editor", []))
    except (ValueError, KeyError, TypeError) as exc:
        raise _Refuse(f"{config_path}: not an exercise config ({exc!r})") from exc
    for key, names in (("solution", solution), ("test", tests), ("example", example)):
        if len(names) != 1:
            raise _Skip(f"it has {len(names)} {key} files ({', '.join(names)}); a kata has one")
    if editor:
        raise _Skip(f"the solution works with helper files ({', '.join(editor)}); a kata has one")
    module = Path(solution[0]).stem
    if Path(solution[0]).suffix != ".py" or not module.isidentifier():
        raise _Refuse(f"{config_path}: the solution file {solution[0]!r} is not a Python module")
    if module in _RESERVED or module in sys.stdlib_module_names:
        raise _Skip(f"its module name {module!r} would shadow a module the test harness uses")
    stub, example_text = _text(path / solution[0]), _text(path / example[0])
    trees = {
        name: _parse(path / name, text)
        for name, text in ((solution[0], stub), (example[0], example_text))
    }
    test_tree = _parse(path / tests[0], _text(path / tests[0]))
    for tree in (*trees.values(), test_tree):
        if _reads_stdin(tree):
            raise _Skip("it reads standard input (input() or sys.stdin), which a kata cannot give")
    exercise = _Exercise(
        slug=slug,
        config=config,
        module=module,
        stub=stub,
        example=example_text,
        tests=test_tree,
        statement_parts=_statement_parts(path),
    )
    _find_names(exercise, trees[example[0]], test_tree, path)
    return exercise


def _text(path: Path) -> str:
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            raise _Refuse(f"{path}: larger than {_MAX_FILE_BYTES // 1024} KiB")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise _Refuse(f"{path}: missing") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _Refuse(f"{path}: cannot read ({exc})") from exc


def _parse(path: Path, text: str) -> ast.Module:
    try:
        return ast.parse(text, filename=str(path))
    except SyntaxError as exc:
        raise _Refuse(f"{path}:{exc.lineno}: syntax error: {exc.msg}") from exc


def _reads_stdin(tree: ast.Module) -> bool:
    """input(), sys.stdin, or a test patching either."""
    return any(
        (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "input")
        or (isinstance(node, ast.Attribute) and node.attr == "stdin")
        or (isinstance(node, ast.Constant) and node.value in ("builtins.input", "sys.stdin"))
        for node in ast.walk(tree)
    )


def _statement_parts(path: Path) -> list[str]:
    docs = path / ".docs"
    parts = [_text(docs / "introduction.md")] if (docs / "introduction.md").is_file() else []
    parts.append(_text(docs / "instructions.md"))
    if (docs / "instructions.append.md").is_file():
        parts.append(_text(docs / "instructions.append.md"))
    return parts


def _find_names(exercise: _Exercise, example: ast.Module, tests: ast.Module, path: Path) -> None:
    """Which of the example's names the tests import, which are exceptions, which is main."""
    defined: dict[str, str] = {}
    for node in example.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            defined[node.name] = "function"
        elif isinstance(node, ast.ClassDef):
            bases = [_base_name(base) for base in node.bases]
            raises = [
                name
                for name in bases
                if name.endswith(("Error", "Exception")) or defined.get(name) == "exception"
            ]
            defined[node.name] = "exception" if raises else "class"
            if raises:
                exercise.exception_bases[node.name] = raises[0]
    public = [name for name in defined if not name.startswith("_")]
    imported: list[str] = []
    helpers = {p.stem for p in path.glob("*.py")} - {exercise.module}
    for statement in ast.walk(tests):
        modules = []
        if isinstance(statement, ast.ImportFrom) and statement.module and not statement.level:
            modules = [statement.module]
            if statement.module == exercise.module:
                names = [alias.name for alias in statement.names]
                imported += public if "*" in names else names
        elif isinstance(statement, ast.Import):
            modules = [alias.name for alias in statement.names]
            if exercise.module in modules:
                imported += public
        for name in modules:
            if name.split(".")[0] in helpers:
                raise _Skip(f"its tests import the helper module {name!r}; a kata has one file")
    if not imported:
        raise _Refuse(f"its tests do not import {exercise.module!r}")
    for name in dict.fromkeys(imported):
        kind = defined.get(name)
        if kind is None:
            raise _Skip(
                f"its tests import {name!r}, which the example does not define as a function or"
                " class (only calls cross to the candidate's process)"
            )
        (exercise.exceptions if kind == "exception" else exercise.callables).append(name)
    if not exercise.callables:
        raise _Refuse(f"its tests import no function or class from {exercise.module!r}")
    callables = exercise.callables
    exercise.main = exercise.module if exercise.module in callables else callables[0]
    exercise.kind = defined[exercise.main]


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _kata_files(exercise: _Exercise, entry: TrackEntry | None) -> dict[str, str]:
    """Every file of the kata, by name."""
    slug = exercise.slug
    title = entry.name if entry else slug.replace("-", " ").capitalize()
    difficulty = entry.difficulty if entry else DEFAULT_DIFFICULTY
    topics = ["exercism", *(entry.topics if entry else ())]
    toml = {
        "id": slug.replace("-", "_"),
        "title": title,
        "difficulty": difficulty,
        "topics": list(dict.fromkeys(topics)),
        "kind": exercise.kind,
        "function": exercise.main,
        "source": SOURCE_PREFIX + slug,
        "expected_minutes": MINUTES[difficulty],
    }
    sample, hidden = _split_tests(exercise.tests, slug)
    return {
        "kata.toml": "".join(f"{key} = {_toml(value)}\n" for key, value in toml.items()),
        "statement.md": _statement(exercise, title),
        "starter.py": exercise.stub,
        "reference.py": exercise.example,
        "tests_sample.py": sample,
        "tests_hidden.py": hidden,
        f"{exercise.module}.py": _stand_in(exercise),
    }


def _toml(value: object) -> str:
    """A TOML value: JSON's strings, lists and integers are TOML's, but for DEL (and no
    surrogate pairs, which TOML lacks: hence not ensure_ascii)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _statement(exercise: _Exercise, title: str) -> str:
    config = exercise.config
    authors = ", ".join(str(name) for name in config.get("authors", [])) or "its authors"
    names = ", ".join(f"`{name}`" for name in exercise.callables)
    lines = [f"# {title}", ""]
    if isinstance(config.get("blurb"), str):
        lines += [config["blurb"], ""]
    for part in exercise.statement_parts:
        lines += [_demote(part).strip(), ""]
    lines += [
        "## Your code",
        "",
        f"Define {names}; the exercise's own unittest tests call "
        f"{'it' if len(exercise.callables) == 1 else 'them'}.",
        "",
        "---",
        "",
        f"*Exercise `{exercise.slug}` of the Exercism Python track ({_TRACK_URL}),"
        f" by {authors}; {_LICENSE}.*",
    ]
    source, url = config.get("source"), config.get("source_url")
    if isinstance(source, str):
        lines += ["", f"*Its source: {source}{f' ({url})' if isinstance(url, str) else ''}.*"]
    return "\n".join(lines) + "\n"


def _demote(markdown: str) -> str:
    """Each heading one level down, so the kata's title stays the only `#` (code untouched)."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        out.append("#" + line if not fenced and re.match(r"#{1,5} ", line) else line)
    return "\n".join(out)


def _split_tests(tree: ast.Module, slug: str) -> tuple[str, str]:
    """The first few test methods as the sample tests, the rest as the hidden ones."""
    tests = [node for _owner, node in _test_functions(tree)]
    if not tests:
        raise _Refuse("its test file defines no test (no `test_...` method or function)")
    count = max(1, min(SAMPLE_TESTS, len(tests) // 2))
    sample = {(node.lineno, node.col_offset) for node in tests[:count]}
    header = (
        f"# Exercism's {slug} tests, {{}}; converted by `katabank katas import-exercism`.\n"
        "# ruff: noqa\n"
    )
    return (
        header.format("the first few") + _keep(tree, lambda key: key in sample),
        header.format("all but the first few") + _keep(tree, lambda key: key not in sample),
    )


def _test_functions(tree: ast.Module) -> list[tuple[list[ast.stmt], ast.FunctionDef]]:
    """Every test function or method with the body that holds it, in the file's order."""
    found = []
    for owner in [tree.body, *(c.body for c in tree.body if isinstance(c, ast.ClassDef))]:
        for node in owner:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
                found.append((owner, node))
    return sorted(found, key=lambda pair: (pair[1].lineno, pair[1].col_offset))


def _keep(tree: ast.Module, wanted: Callable[[tuple[int, int]], bool]) -> str:
    """The module with only the wanted tests (an emptied class keeps a `pass`)."""
    copied = copy.deepcopy(tree)
    for owner, node in _test_functions(copied):
        if not wanted((node.lineno, node.col_offset)):
            owner.remove(node)
    for statement in copied.body:
        if isinstance(statement, ast.ClassDef) and not statement.body:
            statement.body.append(ast.Pass())
    return ast.unparse(ast.fix_missing_locations(copied)) + "\n"


def _stand_in(exercise: _Exercise) -> str:
    lines = [
        f'"""The names Exercism\'s {exercise.slug} tests import, bound to the candidate\'s code.',
        "",
        "Generated by `katabank katas import-exercism`; only the test harness has this module",
        "(see graders/_inside/harness/exercise.py).",
        '"""',
        "",
        "from graders._inside.harness.exercise import CandidateNames",
        "",
        "_names = CandidateNames()",
    ]
    for name, base in exercise.exception_bases.items():
        bound = f"{name} = " if name in exercise.exceptions else ""
        lines.append(f'{bound}_names.exception("{name}", "{base}")')
    lines += [f'{name} = _names.named("{name}")' for name in exercise.callables]
    return "\n".join(lines) + "\n"


def _install(
    files: dict[str, str], katas_dir: Path, kata_id: str, slug: str, check: Checker | None
) -> Status:
    """Check the kata in a staging folder, then put it in place of any earlier import."""
    target = katas_dir / kata_id
    if target.exists():
        if _imported_slug(target) != slug:
            raise _Refuse(
                f"{target} exists and is not an import of the exercise {slug!r}: not overwritten"
            )
        if _same(target, files):
            return Status.UNCHANGED
    katas_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".import-exercism-", dir=katas_dir))
    try:
        folder = staging / kata_id
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        for extra in ("wrong", "right"):  # added by hand to an earlier import: kept, checked
            if (target / extra).is_dir():
                shutil.copytree(target / extra, folder / extra)
        try:
            kata = load_kata(staging, kata_id)
        except KataError as exc:
            raise _Refuse(f"the kata it makes does not load: {exc}") from exc
        problems, _gradings = (check or check_kata)(kata)
        if problems:
            raise _Refuse(
                "the sandbox check failed (the example must pass its tests, the stub must not)",
                [_in_exercise_terms(problem) for problem in problems],
            )
        existed = target.exists()
        if existed:
            target.rename(staging / "replaced")
        try:
            folder.rename(target)
        except OSError:
            if existed:  # put the earlier import back before staging, holding it, is removed
                (staging / "replaced").rename(target)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Status.UPDATED if existed else Status.IMPORTED


def _imported_slug(folder: Path) -> str | None:
    """The exercise an earlier import made this kata from; None for any other kata."""
    try:
        source = tomllib.loads((folder / "kata.toml").read_text(encoding="utf-8")).get("source")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    if isinstance(source, str) and source.startswith(SOURCE_PREFIX):
        return source.removeprefix(SOURCE_PREFIX)
    return None


def _same(folder: Path, files: dict[str, str]) -> bool:
    present = {path.name for path in folder.iterdir() if path.is_file()}
    if present != set(files):
        return False
    return all((folder / name).read_text(encoding="utf-8") == text for name, text in files.items())


def _in_exercise_terms(problem: str) -> str:
    for kata_name, exercise_name in (("reference.py", "the example"), ("starter.py", "the stub")):
        if problem.startswith(kata_name + ":"):
            return f"{exercise_name} ({kata_name}){problem.removeprefix(kata_name)}"
    return problem
