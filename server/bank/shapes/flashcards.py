"""Flashcards: a deck title, then card fronts each followed by one or more answer lines.

Nothing marks where a card starts, so each line is read with its neighbours: questions and
recurring subjects ("XGBoost ...") are fronts, bullets and sentences are answers, and a
short title is a front only when what follows it reads like its answer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from server.bank.prompts import is_question, normalise, prompt_for_heading, tidy_question
from server.bank.shapes.draft import Draft, NoteError
from server.bank.text import clean_inline, convert_math, numbered_lines

__all__ = ["parse"]

_VERBS = re.compile(
    r"\b(is|are|was|were|can|will|does|do|has|have|should|must|may|might|there)\b", re.I
)
_FUNCTION_WORDS = {"of", "and", "or", "vs", "vs.", "to", "for", "in", "on", "the", "a", "an"}
_FRONT_SUFFIX = re.compile(
    r"\b(instance types?|hyperparameters|inputs?|input format|use cases|preprocessing"
    r"|training|validation|industry trend|strength|full form(at)?)\s*:?$",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"^(name|list|describe|explain|define|compare|give)\b|^some \w+ \w+ \w+", re.I
)


@dataclass
class _Card:
    line: int
    front: list[str]
    answer: list[str] = field(default_factory=list)
    weak: bool = False  # the front is a title, not a question


def parse(note: str, text: str) -> list[Draft]:
    """Draft questions from a flashcard deck."""
    numbered = numbered_lines(text)
    if len(numbered) < 3:
        raise NoteError(None, "a flashcard deck needs a title and at least one card")
    cards = _cards(numbered[1:])
    drafts: list[Draft] = []
    for card in cards:
        if not card.answer:
            raise NoteError(card.line, f"card {' / '.join(card.front)!r} has no answer")
        front = ", ".join(card.front)
        prompt = tidy_question(front) if not card.weak else prompt_for_heading(front)
        drafts.append(
            Draft(
                note=note,
                line=card.line,
                prompt=prompt,
                answer=_render(card.answer),
                raw="\n".join([*card.front, *card.answer]),
            )
        )
    return drafts


def _cards(lines: list[tuple[int, str]]) -> list[_Card]:
    subjects = _recurring_subjects([line for _, line in lines])
    cards: list[_Card] = []
    for position, (number, line) in enumerate(lines):
        following = [text for _, text in lines[position + 1 : position + 3]]
        current = cards[-1] if cards else None
        if _strong_front(line):
            if current and not current.answer and current.weak and _names_subject(current, line):
                # "DeepAR" then "Which part of data for input?": one front with its subject.
                current.front = [f"{current.front[0]}: {line}"]
                current.weak = False
            else:
                cards.append(_Card(number, [line]))
        elif current and not current.answer and _same_family(current.front[-1], line):
            current.front.append(line)  # MaxPooling1D / MaxPooling2D / MaxPooling3D
        elif current and current.answer and current.answer[-1].endswith("e.g."):
            current.answer[-1] += f" {line}"  # "e.g." then the example on the next line
        elif current and current.answer and current.answer[-1].endswith(":"):
            current.answer.append(line)  # a "Label:" line is followed by what it labels
        elif current is None or (current.answer and _weak_front(line, following, cards, subjects)):
            cards.append(_Card(number, [line], weak=True))
        else:
            current.answer.append(line)
    return cards


def _names_subject(card: _Card, line: str) -> bool:
    """A one-word front ("DeepAR") before a question that needs it ("Which part of data...?")."""
    return len(card.front) == 1 and (len(card.front[0].split()) == 1 or line[:1].islower())


def _strong_front(line: str) -> bool:
    if line.startswith("-") or len(line.split()) > 20:
        return False
    return "?" in line or bool(_IMPERATIVE.match(line) and not line.endswith(":"))


def _weak_front(line: str, following: list[str], cards: list[_Card], subjects: set[str]) -> bool:
    """A title line that starts a new card rather than continuing the current answer."""
    plain = normalise(re.sub(r"\(.*?\)", "", line))
    if line.endswith(":") and any(plain.startswith(f"{subject} ") for subject in subjects):
        return True  # "BlazingText hyperparameters:"
    if _VERBS.search(line) or "," in line or (_answer_like(line) and not line[:1].islower()):
        return False
    if following and _same_family(line, following[0]):
        return True  # MaxPooling1D / MaxPooling2D / MaxPooling3D open one card
    if line[:1].islower():
        # "adversarial example", "maximum recommended prediction length in DeepAR"
        mentions = any(f" {subject} " in f" {plain} " for subject in subjects)
        return _defined_next(line, following) or (mentions and _reads_as_answer(following))
    if _defines_listed_item(line, plain, cards) or _extends_front(plain, cards):
        return True
    if _defined_next(line, following):
        return True
    previous = cards[-1].answer[-1]
    if _title(previous) and following and _title(following[0]):
        return False  # the middle of a list of names: "Feedforward / CNN / RNN"
    if " vs" in f" {line.lower()}" and len(line.split()) <= 5:
        return True
    subject = next((subject for subject in subjects if f"{plain} ".startswith(f"{subject} ")), "")
    if subject:
        if len(plain.split()) > len(subject.split()):
            return True  # "XGBoost Hyperparameters", "Linear Learner Training"
        # A bare subject ("DeepAR") opens a card unless a list of names goes on after it.
        return bool(following) and not following[0].startswith("-") and not _title(following[0])
    suffix = _FRONT_SUFFIX.search(line)
    if suffix and len(line.split()) > 1:
        return not _FUNCTION_WORDS & set(line[: suffix.start()].lower().split())
    return _title(line) and _reads_as_answer(following)


def _defines_listed_item(line: str, plain: str, cards: list[_Card]) -> bool:
    """An item listed in an earlier answer, now defined on its own card ("... NN" allowed)."""
    current = cards[-1].front
    listed = {
        normalise(re.sub(r"\(.*?\)", "", item).lstrip("- "))
        for card in cards
        if card is cards[-1] or card.front != current  # a repeated card defines nothing new
        for item in card.answer
    }
    extra = line.split()[-1]
    return plain in listed or (
        extra.isupper() and len(plain.split()) > 1 and plain.rsplit(" ", 1)[0] in listed
    )


def _extends_front(plain: str, cards: list[_Card]) -> bool:
    """A narrower card on an earlier front ("Multi-class confusion matrix")."""
    fronts = (normalise(" ".join(card.front)) for card in cards)
    return any(len(front.split()) > 1 and f" {front} " in f" {plain} " for front in fronts)


def _answer_like(line: str) -> bool:
    return (
        line.startswith(("-", "e.g"))
        or line.endswith(":")
        or ":" in line
        or "_" in line
        or len(line.split()) > 8
        or not line[:1].isalnum()
    )


def _reads_as_answer(following: list[str]) -> bool:
    """The next line explains rather than names: a sentence, a formula, an example."""
    if not following:
        return False
    line = following[0]
    if line.startswith("-") or _strong_front(line):
        return False
    return (
        (line[:1].islower() and len(line.split()) > 1)
        or line.startswith("e.g")
        or len(line.split()) >= 6
        or line[:1].isdigit()
        or bool(re.search(r"[/+*=]", line))
    )


def _defined_next(line: str, following: list[str]) -> bool:
    """The next lines spell the line out: its acronym expanded, or its own words restated."""
    words = normalise(re.sub(r"\(.*?\)", "", line)).split()
    if not words or not following:
        return False
    caps = "".join(char for char in following[0] if char.isupper())
    initials = "".join(word[0] for word in normalise(following[0]).split())
    for token in re.findall(r"[A-Za-z]+", line):
        if len(token) >= 2 and token.isupper() and initials.startswith(token.lower()):
            return True
        if len(caps) >= 2 and token.upper().startswith(caps):
            return True
    return len(words[0]) >= 4 and any(
        normalise(text).removeprefix("an ").removeprefix("a ").startswith(" ".join(words[:2]))
        and len(text.split()) >= len(words) + 2
        for text in following
    )  # "adversarial example" then "An adversarial example is an instance ..."


def _title(line: str) -> bool:
    """Capitalised like a heading: "Gradient Checking", "Accuracy measurement", "XGBoost"."""
    words = re.sub(r"\(.*?\)", "", line).split()
    if not words or not words[0][:1].isupper() or is_question(line):
        return False
    if len(words) <= 2:
        return not any(word.lower() in _FUNCTION_WORDS for word in words)
    return all(
        word.lower() in _FUNCTION_WORDS or not word[:1].islower() or any(c.isdigit() for c in word)
        for word in words
    )


def _same_family(previous: str, line: str) -> bool:
    """`MaxPooling1D` then `MaxPooling2D`: names that differ only in their digits."""
    strip = re.compile(r"\d")
    return (
        " " not in line
        and previous != line
        and len(line) >= 4
        and strip.sub("", previous) == strip.sub("", line)
    )


def _recurring_subjects(lines: list[str]) -> set[str]:
    """Names that open three or more lines: the deck's subjects ("xgboost", "linear learner").

    A subject is a product-like name (capitals inside, or digits) or a two-word name that
    opens most of the lines its first word opens; "File ..." three times is not a subject.
    """
    openers: dict[str, list[list[str]]] = {}
    for line in lines:
        if line.startswith("-") or _VERBS.search(line) or not normalise(line):
            continue
        first = line.split()[0]
        openers.setdefault(normalise(first), []).append([first, *normalise(line).split()[1:]])
    subjects: set[str] = set()
    for word, starts in openers.items():
        if len(starts) < 3 or len(word) < 4:
            continue
        pairs = Counter(" ".join([word, *rest[1:2]]) for rest in starts if len(rest) > 1)
        pair, count = pairs.most_common(1)[0] if pairs else ("", 0)
        if count >= 3 and count >= 0.75 * len(starts):
            subjects.add(pair)
        elif any(re.search(r"\d|.[A-Z]", rest[0]) for rest in starts):
            subjects.add(word)
    return subjects


def _render(answer: list[str]) -> str:
    """One list item per line; details nested under the line that introduces them.

    When the answer opens with bullets, the bullets are the items and plain lines their
    details; otherwise plain lines are the items, and bullets (or lowercase lines after a
    `Label:` line) are their details.
    """
    if len(answer) == 1 and not answer[0].startswith("-"):
        return _inline(answer[0])
    bullets_lead = answer[0].startswith("-")
    label_open = False
    items: list[str] = []
    for line in answer:
        bullet = line.startswith("-")
        if bullets_lead:
            nested = not bullet
        else:
            nested = bullet or (label_open and line[:1].islower())
            if not nested:
                label_open = line.endswith(":")
        text = _inline(line.lstrip("- "))
        items.append(f"  - {text}" if nested and items else f"- {text}")
    return "\n".join(items)


def _inline(text: str) -> str:
    text = clean_inline(convert_math(text))
    if re.match(r"^[_{]|^\S*__\S*", text):
        return f"`{text}`"  # a format sample such as __label__{label} {sentence}
    return text.replace("*", "\\*")
