"""Course notes: numbered headings (1., 1.2., 1.2.1.) and bullets (•, –, *) run together.

A PDF export glued headings to the text before them ("Deep Learning 1011.1. Choosing ..."),
so headings are found in order: the next one can only be a child, a sibling or the next
of an ancestor, which tells "1.1." apart from the "101" it is glued to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from server.bank.prompts import prompt_for_heading, tidy_question
from server.bank.shapes.draft import Draft, NoteError
from server.bank.text import clean_inline, convert_math

__all__ = ["parse"]

_MARKERS = {"•": 0, "–": 1, "*": 2}
_BULLET = re.compile(r"(•|–|(?<=\S)\*(?= )|^\* |·)")


@dataclass
class _Section:
    number: tuple[int, ...]
    title: str
    start: int  # offset of the heading in the text
    body: str = ""
    bullets: list[tuple[int, str]] = field(default_factory=list)  # (level, text)


def parse(note: str, text: str) -> list[Draft]:
    """Draft questions from course notes."""
    sections = _sections(text)
    if not sections:
        raise NoteError(1, "course notes need numbered headings such as '1. Title'")
    titles = {section.number: section.title for section in sections}
    kinds = _kinds_sections(sections)
    drafts: list[Draft] = []
    for section in sections:
        if section.number in kinds.values():
            continue  # answered together with its parent, below
        line = text.count("\n", 0, section.start) + 1
        own: list[tuple[int, str]] = []
        for question, answer in _bullet_questions(section.bullets, own):
            drafts.append(_draft(note, line, tidy_question(question), answer, section.body))
        if not own:
            continue
        parent = titles.get(section.number[:-1])
        prompt = prompt_for_heading(section.title, parent=parent)
        raw = section.body
        child = next((c for c in sections if c.number == kinds.get(section.number)), None)
        if child is not None:
            # "Transfer Learning" + "Transfer Learning approaches": one question, both answers.
            kind = child.title.split()[-1].lower()
            prompt = f"What is {_lower(section.title)} and what {kind} {_OF_IT[kind]} are there?"
            own = [*own, (-1, f"**{kind.capitalize()}**"), *child.bullets]
            raw = f"{section.body}\n{child.body}"
        drafts.append(_draft(note, line, prompt, own, raw))
    return drafts


_OF_IT = {"approaches": "to it", "methods": "for it", "techniques": "for it", "types": "of it"}


def _kinds_sections(sections: list[_Section]) -> dict[tuple[int, ...], tuple[int, ...]]:
    """Parent number -> number of its child titled "<parent title> approaches" (or methods...)."""
    found: dict[tuple[int, ...], tuple[int, ...]] = {}
    for parent in sections:
        for child in sections:
            words = child.title.split()
            if (
                child.number[:-1] == parent.number
                and len(words) > 1
                and words[-1].lower() in _OF_IT
                and " ".join(words[:-1]).lower() == parent.title.lower()
            ):
                found[parent.number] = child.number
    return found


def _lower(title: str) -> str:
    return " ".join(w.lower() if w[1:].islower() else w for w in title.split())


def _draft(note: str, line: int, prompt: str, bullets: list[tuple[int, str]], raw: str) -> Draft:
    """Nested Markdown bullets; a level of -1 is a bold sub-heading between lists."""
    base = min(level for level, _ in bullets if level >= 0)
    parts: list[str] = []
    for level, text in bullets:
        if level < 0:
            parts.append(f"\n{text}\n")
        else:
            parts.append(f"{'  ' * (level - base)}- {text}")
    answer = "\n".join(parts).strip()
    return Draft(note=note, line=line, prompt=prompt, answer=answer, raw=raw)


def _bullet_questions(
    bullets: list[tuple[int, str]], own: list[tuple[int, str]]
) -> list[tuple[str, list[tuple[int, str]]]]:
    """Split out "• What is regularization?" with its sub-bullets; the rest goes to `own`."""
    questions: list[tuple[str, list[tuple[int, str]]]] = []
    index = 0
    while index < len(bullets):
        level, text = bullets[index]
        children: list[tuple[int, str]] = []
        while (
            index + 1 + len(children) < len(bullets)
            and bullets[index + 1 + len(children)][0] > level
        ):
            children.append(bullets[index + 1 + len(children)])
        if text.endswith("?") and children:
            questions.append((text, children))
            index += 1 + len(children)
            continue
        own.append((level, text))
        index += 1
    return questions


def _sections(text: str) -> list[_Section]:
    sections: list[_Section] = []
    position = 0
    current: tuple[int, ...] = ()
    while True:
        found = _next_heading(text, position, current)
        if found is None:
            break
        start, number, title_start = found
        if sections:
            sections[-1].body = text[sections[-1].start : start]
        title, body_start = _title(text, title_start, number)
        sections.append(_Section(number, title, start))
        current, position = number, body_start
    if sections:
        sections[-1].body = text[sections[-1].start :]
    for section in sections:
        body = section.body.split(section.title, 1)[-1]
        section.bullets = _bullets(body)
    return sections


def _candidates(current: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Numbers that may follow `current`: a child, a sibling, or the next of an ancestor."""
    if not current:
        return [(1,)]
    options = [(*current, 1)]
    for depth in range(len(current), 0, -1):
        options.append((*current[: depth - 1], current[depth - 1] + 1))
    return options


def _next_heading(
    text: str, position: int, current: tuple[int, ...]
) -> tuple[int, tuple[int, ...], int] | None:
    best: tuple[int, tuple[int, ...], int] | None = None
    for number in _candidates(current):
        label = ".".join(map(str, number)) + "."
        pattern = re.compile(rf"{re.escape(label)} (?=[A-Z])")
        for found in pattern.finditer(text, position):
            before = text[found.start() - 1] if found.start() else "\n"
            # "1.1." glued to "101" is fine; "11.1." inside "211.1." would be another number.
            if len(number) == 1 and before not in "\n• ":
                continue
            if best is None or found.start() < best[0]:
                best = (found.start(), number, found.end())
            break
    return best


def _title(text: str, start: int, number: tuple[int, ...]) -> tuple[str, int]:
    """The heading's title runs to the first bullet, line end or glued next heading."""
    end = len(text)
    for stop in ("•", "\n"):
        at = text.find(stop, start)
        if at != -1:
            end = min(end, at)
    for candidate in _candidates(number):
        label = ".".join(map(str, candidate)) + ". "
        at = text.find(label, start)
        if at != -1 and at < end:
            end = at
    return clean_inline(text[start:end]), end


def _bullets(body: str) -> list[tuple[int, str]]:
    bullets: list[tuple[int, str]] = []
    level = 0
    for piece in _BULLET.split(body.replace("\n", " ")):
        marker = piece.strip()
        if marker in _MARKERS or marker == "·" or piece == "* ":
            level = _MARKERS.get(marker, level)
            continue
        text = clean_inline(convert_math(piece))
        if text:
            bullets.append((level, text))
    return bullets
