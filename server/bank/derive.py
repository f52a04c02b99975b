"""What the importer derives from an answer: key points to score typed answers, difficulty."""

from __future__ import annotations

import re

from server.bank.text import clean_inline

__all__ = ["MAX_KEY_POINTS", "difficulty_for", "key_points_for"]

MAX_KEY_POINTS = 8
MAX_WORDS = 12
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*]|\d+\.)\s+(?P<text>.+)$")
_LABEL = re.compile(r"^(?P<label>[^:]{3,60}?):\s+\S")
_CLAUSE_END = re.compile(r"(?<=[a-z0-9)\]])[.;!?](\s|$)| — | – |, which |, where | \(|:\s")
_TRAILING = re.compile(
    r"[\s,;:.–—-]+$|\s+(and|or|but|however|the|a|an|of|to|with|for|in|on|by|is|are|be|it|its"
    r"|this|that|these|which|since|because|when|as|so|we|you|they|their|if|than)$",
    re.IGNORECASE,
)
_ANSWER_LABEL = re.compile(
    r"^(A\d+|Approach \d+|Answer|Solution \d*)\b\s*(\([^)]*\))?\s*:\s*", re.IGNORECASE
)
_FIGURE_TALK = re.compile(r"\b(image|figure|diagram) (below|above)\b", re.IGNORECASE)
_GENERIC_LABEL = re.compile(
    r"^(for )?(examples?|e\.g\.?|detailed explanation|explanation|where|note|notes|pros|cons"
    r"|such as|as follows|more generally|in summary|summary|related|steps?)\s*[:,]?$",
    re.IGNORECASE,
)
# Asides that support a point rather than make one: examples, caveats, lead-ins.
_ASIDE = re.compile(
    r"^(…|\.\.\.|say,|e\.g|for example|for instance|note that|let[’']s|as an example|such as)",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"^[^.!]*\?")  # a rhetorical question opens the item
_ABBREVIATIONS = re.compile(r"\b(vs|e\.g|i\.e|etc|approx|cf)\.", re.IGNORECASE)
_CODE_PROMPT = re.compile(r"^(given|write|implement|code)\b", re.IGNORECASE)


def key_points_for(answer: str) -> tuple[str, ...]:
    """Short phrases a good answer mentions: the first clause of each bullet (or sentence)."""
    text = _FENCE.sub("", answer)
    lines = [line for line in text.splitlines() if line.strip() and not _skip(line)]
    items = [(m.group("indent"), m.group("text")) for line in lines if (m := _ITEM.match(line))]
    top = [text for indent, text in items if not indent]
    points = _points(top if len(top) >= 2 else [text for _, text in items])
    if not points:  # no bullets, or only labels of code blocks: use the sentences
        prose = " ".join(line.strip() for line in lines if not _ITEM.match(line))
        points = _points(re.split(r"(?<=[.!?])\s+", prose))
    return tuple(points[:MAX_KEY_POINTS])


def _points(items: list[str]) -> list[str]:
    """First clauses of the substantive items; past the limit, the longest items win."""
    items = [item for item in items if not _ASIDE.match(item) and not _QUESTION.match(item)]
    if len(items) > 6:
        # Long answers mix points with lists of names (paper titles, tools): keep the points.
        sizes = sorted(len(item.split()) for item in items)
        floor = sizes[len(sizes) // 2] / 2
        items = [item for item in items if len(item.split()) >= floor]
        longest = sorted(items, key=lambda item: len(item.split()), reverse=True)[:MAX_KEY_POINTS]
        items = [item for item in items if item in longest]
    points: list[str] = []
    for item in items:
        # "A1 (The most repeated one):" or "Approach 4:" labels an answer; keep what follows.
        item = _ANSWER_LABEL.sub("", item).strip()
        if not item or _FIGURE_TALK.search(item) or _GENERIC_LABEL.match(item):
            continue  # "This is depicted in the image below", "Example:"
        point = _first_clause(_plain(item))
        if point and not any(_same_point(point, other) for other in points):
            points.append(point)
    return points


def _same_point(one: str, other: str) -> bool:
    """Near-duplicates: the notes often restate a point with a word or two changed."""
    a, b = set(one.lower().split()), set(other.lower().split())
    return len(a & b) >= 0.8 * len(a | b)


def difficulty_for(prompt: str, answer: str) -> str:
    """hard: code, display maths or a long answer; easy: a short answer; medium otherwise."""
    words = len(_FENCE.sub("", answer).split())
    if "```" in answer or "$$" in answer or _CODE_PROMPT.match(prompt) or words > 400:
        return "hard"
    return "easy" if words < 40 else "medium"


def _skip(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith((">", "**", "*(", "*The notes")) and not _ITEM.match(line)


def _plain(text: str) -> str:
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"\[(.+?)\]\(\S+?\)", r"\1", text)
    text = re.sub(r"[`\\]|\*\(figure missing in the notes\)\*", "", text)
    return clean_inline(text)


def _first_clause(text: str) -> str:
    text = _ABBREVIATIONS.sub(lambda m: m.group(1), re.sub(r"\s+\([^()$]*\)", "", text))
    label = _LABEL.match(text)
    if label and len(label.group("label").split()) <= 8 and "$" not in label.group("label"):
        text = label.group("label")
    else:
        end = _CLAUSE_END.search(text)
        text = text[: end.start()] if end and end.start() > 10 else text
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS])
        comma = text.rfind(",")
        if comma != -1 and len(text[:comma].split()) >= 4:
            text = text[:comma]  # end on a whole phrase rather than mid-way
    previous = None
    while previous != text:
        previous, text = text, _TRAILING.sub("", text)
    if text.count("$") % 2:
        text = text[: text.rfind("$")].rstrip()  # never cut a formula in half
    return text.strip()
