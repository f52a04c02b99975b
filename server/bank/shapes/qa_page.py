"""A long Q&A page: a title, an index of `- ` entries, then each entry followed by its answer.

Entries are questions, section headers ("Deep Learning": no content of their own) or
sub-headings inside the answer before them ("Why This Matters"). Questions the index missed
are found in the body by their shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.bank.answers import render_lines
from server.bank.prompts import is_question, normalise, prompt_for_heading, tidy_question
from server.bank.shapes.draft import Draft, NoteError
from server.bank.text import slug

__all__ = ["parse"]

# Back matter, not questions.
_SKIP = {"references", "citation", "further reading", "acknowledgements", "sources"}


@dataclass
class _Start:
    index: int  # 0-based line
    text: str
    indexed: bool
    content: list[str]
    kind: str = "question"  # question | section | sub | skip


def parse(note: str, text: str) -> list[Draft]:
    """Draft questions from a Q&A page."""
    lines = text.split("\n")
    entries = _index(lines)
    body = len(entries) + 1
    starts = _starts(lines, body, {entry for _, entry in entries})
    found = {start.text for start in starts}
    for line_number, entry in entries:
        if entry not in found:
            raise NoteError(line_number, f"index entry {entry!r} has no section in the body")
    _classify(starts)
    drafts: list[Draft] = []
    section: str | None = None
    for position, start in enumerate(starts):
        if start.kind == "section":
            section = None if normalise(start.text) in ("misc", "miscellaneous") else start.text
        if start.kind != "question":
            continue
        answer_lines = list(start.content)
        for sub in _subs_after(starts, position):
            answer_lines += [f"## {sub.text}", *sub.content]
        raw = "\n".join([start.text, *answer_lines])
        prompt = tidy_question(start.text) if is_question(start.text) else None
        drafts.append(
            Draft(
                note=note,
                line=start.index + 1,
                prompt=prompt or prompt_for_heading(start.text),
                answer=render_lines(answer_lines),
                raw=raw,
                topics=(slug(section),) if section else (),
            )
        )
    return drafts


def _index(lines: list[str]) -> list[tuple[int, str]]:
    entries: list[tuple[int, str]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.startswith("- "):
            break
        entries.append((number, line[2:].strip()))
    if not entries:
        raise NoteError(2, "a Q&A page needs an index of '- ' lines after its title")
    return entries


def _starts(lines: list[str], body: int, entries: set[str]) -> list[_Start]:
    """Lines that begin a question, section or sub-heading, each with the lines it owns."""
    starts: list[_Start] = []
    previous = ""
    for index in range(body, len(lines)):
        text = lines[index].strip()
        if not text:
            continue
        if text in entries or _unindexed_question(text, previous, _next(lines, index)):
            starts.append(_Start(index, text, text in entries, []))
        elif starts:
            starts[-1].content.append(text)
        previous = text
    return starts


def _next(lines: list[str], index: int) -> str:
    return next((line.strip() for line in lines[index + 1 :] if line.strip()), "")


def _unindexed_question(text: str, previous: str, following: str) -> bool:
    """A question line outside any bullet that is followed by its answer bullets."""
    return (
        text.endswith("?")
        and len(text) < 300
        and not text.startswith(("-", "Q:", "A:"))
        and previous != "-"
        and not previous.endswith(":")
        and following.startswith("-")
    )


def _classify(starts: list[_Start]) -> None:
    parent: _Start | None = None
    for position, start in enumerate(starts):
        before = starts[position - 1] if position else None
        shaped = is_question(start.text)
        introduces = (
            before is not None
            and before.kind == "question"
            and 0 < len(before.content) <= 2
            and before.content[-1].endswith(":")
        )
        if normalise(start.text) in _SKIP:
            start.kind = "skip"
        elif not start.content and not shaped:
            start.kind = "section"
        elif start.indexed and (introduces or _continues(start, before)):
            start.kind = "sub"
        elif not start.indexed and parent and _words(start.text) <= _words(parent.text):
            start.kind = "sub"  # "Why is X needed?" under "Why is X needed, and how does it work?"
        if start.kind == "question":
            parent = start


def _words(text: str) -> set[str]:
    return {word for word in normalise(text).split() if len(word) > 2}


def _continues(start: _Start, before: _Start | None) -> bool:
    """A heading that is not a question, right after a sub-heading, is the next sub-heading."""
    return before is not None and before.kind == "sub" and not start.text.endswith("?")


def _subs_after(starts: list[_Start], position: int) -> list[_Start]:
    subs: list[_Start] = []
    for start in starts[position + 1 :]:
        if start.kind != "sub":
            break
        subs.append(start)
    return subs
