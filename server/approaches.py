"""A kata's other approaches: its right/ solutions, each with one sentence saying what it does.

Shown only once the user has solved the kata, so they never spoil it. The sentence is the
first sentence of the file's docstring, else of its first comment, else its file name.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from graders import Kata as KataSpec

__all__ = ["Approach", "approaches"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class Approach:
    """One right solution: a title from its file name, its sentence, its code."""

    name: str
    title: str
    summary: str
    source: str


def approaches(kata: KataSpec) -> list[Approach]:
    """The kata's right/ solutions, sorted by file name."""
    return [_approach(path) for path in kata.solutions("right")]


def _approach(path: Path) -> Approach:
    source = path.read_text(encoding="utf-8")
    title = path.stem.replace("_", " ").capitalize()
    summary = _docstring(source) or _first_comment(source) or f"{title}."
    return Approach(name=path.stem, title=title, summary=summary, source=source)


def _first_sentence(text: str) -> str:
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    return _SENTENCE_END.split(paragraph, 1)[0]


def _docstring(source: str) -> str | None:
    """The module's docstring, else the first function's."""
    try:
        module = ast.parse(source)
    except SyntaxError:
        return None
    functions = [node for node in module.body if isinstance(node, ast.FunctionDef)]
    nodes: list[ast.Module | ast.FunctionDef] = [module, *functions]
    for node in nodes:
        docstring = ast.get_docstring(node)
        if docstring:
            return _first_sentence(docstring)
    return None


def _first_comment(source: str) -> str | None:
    """The comment opening the file, if any; a comment further down explains a line, not the
    approach."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    if not lines or not lines[0].startswith("#") or lines[0].startswith("#!"):
        return None
    block = []
    for line in lines:
        if not line.startswith("#"):
            break
        block.append(line.lstrip("#").strip())
    return _first_sentence(" ".join(block)) or None
