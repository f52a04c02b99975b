"""What the importer derives from an answer: key points to score typed answers, difficulty."""

from __future__ import annotations

import re
from collections.abc import Sequence

from server.bank.checks import editor_notes, key_point_problem
from server.bank.text import clean_inline, sentence

__all__ = ["MAX_KEY_POINTS", "MAX_SENTENCE_WORDS", "MAX_WORDS", "difficulty_for", "key_points_for"]

MAX_KEY_POINTS = 8
MAX_WORDS = 16
# A label this short ("Variance", "Opposite problem") names a point; what follows says it.
_NAMING_LABEL_WORDS = 3
MAX_SENTENCE_WORDS = 24  # a whole sentence may run this long rather than be cut
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*]|\d+\.)\s+(?P<text>.+)$")
_LABEL = re.compile(r"^(?P<label>[^:]{3,60}?):\s+\S")
_CLAUSE_END = re.compile(r"(?<=[a-z0-9)\]])[.;!?](\s|$)| — | – |, which |, where | \(|:\s")
_TRAILING = re.compile(
    r"[\s,;:.–—-]+$|\s+(and|or|but|however|the|a|an|of|to|with|for|in|on|by|is|are|be|it|its"
    r"|this|that|these|which|since|because|when|as|so|we|you|they|their|if|than)$",
    re.IGNORECASE,
)
# Words a long clause may be cut before and still end on a whole phrase.
_PHRASE_BREAKS = ("and", "or", "but", "which", "because", "while", "whereas")
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
    r"^(…|\.\.\.|say,|e\.g|for example|for instance|note that|let[’']s|as an example|such as"
    r"|credits? (for|to)|source:|see also|in layman)",
    re.IGNORECASE,
)
# Openers that announce a summary rather than say anything: dropped, the claim kept.
_SUMMING_UP = re.compile(
    r"^(in summary|in short|in conclusion|in essence|to summari[sz]e|conclusion|summary|overall)"
    r"\b[,:]?\s*",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"^[^.!]*\?")  # a rhetorical question opens the item
_ABBREVIATIONS = re.compile(r"\b(vs|e\.g|i\.e|etc|approx|cf)\.", re.IGNORECASE)
_CODE_PROMPT = re.compile(r"^(given|write|implement|code)\b", re.IGNORECASE)


def key_points_for(
    answer: str,
    *,
    prompt: str = "",
    corrections: Sequence[str] = (),
    wrong: Sequence[str] = (),
) -> tuple[str, ...]:
    """Claims a good answer makes: the first clause of each bullet (or sentence).

    A point `checks.key_point_problem` would reject (a fragment, a heading, a duplicate, a
    point an editor's note in `corrections` says is wrong, or that restates text the
    corrections flag as `wrong`) is left out.
    """
    notes = editor_notes("\n\n".join(corrections))
    text = _FENCE.sub("", answer)
    lines = [line for line in text.splitlines() if line.strip() and not _skip(line)]
    items = [(m.group("indent"), m.group("text")) for line in lines if (m := _ITEM.match(line))]
    top = _top_items(items, prompt)
    listed = top if len(top) >= 2 else [text for _, text in items]
    points = _points(listed, prompt, notes, wrong) if len(listed) >= 2 else []
    if not points:  # one bullet, none, or only labels of code blocks: use the sentences
        prose = " ".join((m.group("text") if (m := _ITEM.match(line)) else line) for line in lines)
        points = _points(re.split(r"(?<=[.!?])\s+", clean_inline(prose)), prompt, notes, wrong)
    return tuple(points[:MAX_KEY_POINTS])


def _top_items(items: list[tuple[str, str]], prompt: str) -> list[str]:
    """Top-level items; one that only introduces its sub-items ("Somewhat counter-intuitively:")
    gives way to them, while a name with sub-items ("LeNet-5:") stays."""

    def introduces(index: int) -> bool:
        text = items[index][1].rstrip()
        followed = index + 1 < len(items) and bool(items[index + 1][0])
        return followed and text.endswith(":") and bool(key_point_problem(text[:-1], prompt=prompt))

    top: list[str] = []
    parent = -1
    for index, (indent, text) in enumerate(items):
        if not indent:
            parent = index
            if not introduces(index):
                top.append(text)
        elif parent >= 0 and introduces(parent):
            top.append(text)
    return top


def _points(items: list[str], prompt: str, notes: list[str], wrong: Sequence[str]) -> list[str]:
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
        for point in _first_clauses(_plain(item), prompt):
            if point and not key_point_problem(
                point, prompt=prompt, others=points, notes=notes, wrong=wrong
            ):
                points.append(point)
                break
    return points


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
    text = re.sub(r"[`\\“”]|\*\(figure missing in the notes\)\*", "", text)
    return clean_inline(text)


def _first_clauses(text: str, prompt: str) -> list[str]:
    """The item's point, best first: "label: first clause", then the label alone."""
    text = _ABBREVIATIONS.sub(lambda m: m.group(1), re.sub(r"\s+\([^()$]*\)", "", text))
    text = _without_summing_up(text)
    label = _LABEL.match(text)
    if label and len(label.group("label").split()) <= 8 and "$" not in label.group("label"):
        name = label.group("label")
        rest = _without_summing_up(text[label.end() - 1 :])
        claim = _clause(rest, MAX_WORDS)
        if "heading" in (key_point_problem(name, prompt=prompt) or "") and len(claim.split()) > 4:
            # "Mechanism: VAEs consist of an encoder ...": the label only files the claim
            # (but "Opposite problem: exploding gradients" needs its label).
            return [claim]
        if len(name.split()) > _NAMING_LABEL_WORDS:
            return [_tidy(name)]
        # "Opposite problem: exploding gradients": the label alone is a heading, not a claim;
        # "Data augmentation: In areas like images" is a named method with a lead-in after it.
        body = _clause(rest, MAX_WORDS - len(name.split()), shortest=3)
        return [_tidy(f"{name}: {body}"), _tidy(name)] if body else [_tidy(name)]
    return [_clause(text, MAX_WORDS)]


def _without_summing_up(text: str) -> str:
    """ "Conclusion: In summary, RLHF is ..." -> "RLHF is ..."."""
    stripped = text
    while found := _SUMMING_UP.match(stripped):
        stripped = stripped[found.end() :]
    return sentence(stripped) if stripped != text else text


def _clause(text: str, limit: int, *, shortest: int = 10) -> str:
    """The first clause, ended on a whole phrase; "" when no whole phrase fits in `limit` words.

    A clause shorter than `shortest` characters runs on to the next clause end.
    """
    end = next((e for e in _CLAUSE_END.finditer(text) if e.start() > shortest), None)
    text = text[: end.start()] if end else text
    words = text.split()
    if limit < len(words) <= limit + MAX_SENTENCE_WORDS - MAX_WORDS and not _CLAUSE_END.search(
        text
    ):
        return _tidy(text)  # a whole sentence a little long beats half of one
    if len(words) > limit:
        text = " ".join(words[:limit])
        cut = max(text.rfind(","), *(text.rfind(f" {w} ") for w in _PHRASE_BREAKS))
        if cut == -1 or len(text[:cut].split()) < 4:
            return ""  # a sentence cut mid-way is a fragment, not a claim
        text = text[:cut]
    return _tidy(text)


def _tidy(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _TRAILING.sub("", text)
    if text.count("$") % 2:
        text = text[: text.rfind("$")].rstrip()  # never cut a formula in half
    return text.strip()
