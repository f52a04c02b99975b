"""Searching the question bank: filters plus a small ranked full-text match over prompt and answer.

The bank is a few thousand questions at most and already in memory, so search runs in Python;
that keeps the database portable (SQLite or Postgres) and needs no index to keep in step.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from server.bank.files import QuestionDoc

__all__ = ["QUERY_MAX", "Page", "paginate", "search_questions", "terms"]

QUERY_MAX = 200
_WORD = re.compile(r"\w+")


def terms(text: str) -> list[str]:
    """The distinct lowercase words of a query, in order."""
    return list(dict.fromkeys(_WORD.findall(text.lower())))


def search_questions(
    questions: Iterable[QuestionDoc],
    *,
    text: str = "",
    topic: str | None = None,
    difficulty: str | None = None,
) -> list[QuestionDoc]:
    """Questions matching every query word (prompt, answer or topics), best first."""
    words = terms(text)
    scored: list[tuple[float, str, QuestionDoc]] = []
    for doc in questions:
        if topic and topic not in doc.topics:
            continue
        if difficulty and doc.difficulty != difficulty:
            continue
        score = _score(doc, words) if words else 0.0
        if score is not None:
            scored.append((-score, doc.prompt.lower(), doc))
    scored.sort(key=lambda row: row[:2])
    return [doc for _, _, doc in scored]


def _score(doc: QuestionDoc, words: list[str]) -> float | None:
    # A word in the prompt counts most, a whole word more than a part of one; a word that
    # appears nowhere rules the question out.
    prompt = doc.prompt.lower()
    prompt_words = set(_WORD.findall(prompt))
    answer = doc.answer.lower()
    topics = " ".join(doc.topics)
    total = 0.0
    for word in words:
        score = 0.0
        if word in prompt:
            score += 4.0 if word in prompt_words else 2.0
        if word in topics:
            score += 2.0
        if hits := answer.count(word):
            score += 1.0 + math.log(hits)
        if score == 0.0:
            return None
        total += score
    return total


@dataclass(frozen=True)
class Page:
    """One page of results: `number` counts from 1; `count` is the number of pages."""

    items: list[QuestionDoc]
    number: int
    count: int
    total: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.count


def paginate(items: list[QuestionDoc], *, number: int, size: int) -> Page:
    """Page `number` of `items`; a number past the end gives the last page."""
    count = max(1, math.ceil(len(items) / size))
    number = min(max(number, 1), count)
    start = (number - 1) * size
    return Page(items=items[start : start + size], number=number, count=count, total=len(items))
