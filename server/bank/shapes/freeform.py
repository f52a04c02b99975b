"""Short freeform notes: a title line, then topic lines, some with `- ` bullets under them.

A line followed by bullets is a heading; `Term: definition` lines under a heading that ends
with a colon are its items; a lone `Term: definition` line is a question of its own; a
`Question:` line introduces a question the writer asked themselves. Lines with nothing
under them (a bare list of topics) are not questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from server.bank.prompts import prompt_for_heading, tidy_question
from server.bank.shapes.draft import Draft, NoteError
from server.bank.text import clean_inline, convert_math, numbered_lines, sentence

__all__ = ["UNANSWERED", "parse"]

UNANSWERED = "*The notes leave this question open.*"
_TERM = re.compile(r"^(?P<term>[^:]{2,60}):\s+(?P<definition>\S.*)$")
_URL_ONLY = re.compile(r"^(https?://\S+\s*)+$")


@dataclass
class _Block:
    line: int
    heading: str
    items: list[str] = field(default_factory=list)
    question: bool = False


def parse(note: str, text: str) -> list[Draft]:
    """Draft questions from freeform notes."""
    numbered = numbered_lines(text)
    if len(numbered) < 2:
        raise NoteError(None, "freeform notes need a title line and at least one topic")
    drafts: list[Draft] = []
    for block in _blocks(numbered[1:]):
        if block.question:
            answer = _answer(block.items) if block.items else UNANSWERED
            prompt = tidy_question(block.heading)
        elif block.items:
            answer = _answer(block.items)
            prompt = prompt_for_heading(block.heading)
        else:
            continue
        raw = "\n".join([block.heading, *block.items])
        drafts.append(Draft(note=note, line=block.line, prompt=prompt, answer=answer, raw=raw))
    return drafts


def _blocks(lines: list[tuple[int, str]]) -> list[_Block]:
    blocks: list[_Block] = []
    asking = False
    for position, (number, line) in enumerate(lines):
        current = blocks[-1] if blocks else None
        following = lines[position + 1][1] if position + 1 < len(lines) else ""
        term = None if following.startswith("- ") else _TERM.match(line)
        if line.lower().rstrip(":") == "question":
            asking = True
        elif asking:
            blocks.append(_Block(number, line, question=True))
            asking = False
        elif line.startswith("- ") and current:
            current.items.append(line[2:])
        elif current and current.heading.endswith(":") and (term or _URL_ONLY.match(line)):
            current.items.append(line)  # "Clustering methods:" then "K-means: ..."
        elif term and not line.endswith(":"):
            heading = term.group("term")
            blocks.append(_Block(number, heading, items=[term.group("definition")]))
        else:
            blocks.append(_Block(number, line))
    return blocks


def _answer(items: list[str]) -> str:
    if all(_URL_ONLY.match(item) for item in items):
        return "\n".join(f"- <{url}>" for item in items for url in item.split())
    if len(items) == 1 and not _TERM.match(items[0]):
        return sentence(clean_inline(convert_math(items[0]))).rstrip(".") + "."
    lines = []
    for item in items:
        text = clean_inline(convert_math(item))
        if term := _TERM.match(text):
            text = f"**{term.group('term')}**: {sentence(term.group('definition'))}"
        lines.append(f"- {text}")
    return "\n".join(lines)
