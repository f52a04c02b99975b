"""Searching the question bank: filters, word forms (stems) and BM25 ranking, highlighted hits.

The bank is a few thousand questions at most and already in memory, so search runs in Python;
that keeps the database portable (SQLite or Postgres) and needs no index to keep in step.
Every query word must match (after stemming, so "gradients" finds "gradient"), and the
matches are ranked by BM25 (rank-bm25) over the prompt, topics and answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from markupsafe import Markup, escape
from rank_bm25 import BM25Okapi

from server.bank.files import QuestionDoc
from server.rendering import render_inline
from server.stemming import stem

__all__ = [
    "QUERY_MAX",
    "Hit",
    "Page",
    "SearchIndex",
    "hits",
    "paginate",
    "stems",
    "terms",
]

QUERY_MAX = 200
# A question that asks about a word should outrank one whose answer mentions it: the prompt's
# words count this many times in the text BM25 ranks.
PROMPT_WEIGHT = 2
SNIPPET_CHARS = 160
_WORD = re.compile(r"\w+")
# In rendered HTML: a tag, an entity (never highlighted: "&amp;" is not the word "amp"), a word.
_HTML_PIECE = re.compile(r"(<[^>]*>)|(&#?\w+;)|(\w+)")

T = TypeVar("T")


def stems(text: str) -> list[str]:
    """The stemmed lowercase words of `text`, in order: "Gradients vanish" -> gradient, vanish."""
    return [stem(word) for word in _WORD.findall(text.lower())]


def terms(text: str) -> list[str]:
    """The distinct stems of a query, in order."""
    return list(dict.fromkeys(stems(text)))


class SearchIndex:
    """The bank's questions, tokenised once, ranked with BM25 for each query."""

    def __init__(self, questions: Iterable[QuestionDoc]) -> None:
        self._docs = list(questions)
        tokens = [_tokens(doc) for doc in self._docs]
        self._vocabularies = [frozenset(words) for words in tokens]
        # BM25Okapi divides by the mean length, so an empty bank has no model at all.
        self._bm25 = BM25Okapi(tokens) if self._docs else None

    def search(
        self, *, text: str = "", topic: str | None = None, difficulty: str | None = None
    ) -> list[QuestionDoc]:
        """Questions matching the filters and every query word, best first (by prompt if no
        words)."""
        words = terms(text)
        kept = [
            index
            for index, doc in enumerate(self._docs)
            if (not topic or topic in doc.topics)
            and (not difficulty or doc.difficulty == difficulty)
            and all(word in self._vocabularies[index] for word in words)
        ]
        if not words or self._bm25 is None:
            return sorted((self._docs[index] for index in kept), key=_by_prompt)
        scores = self._bm25.get_scores(words)
        kept.sort(key=lambda index: (-scores[index], _by_prompt(self._docs[index])))
        return [self._docs[index] for index in kept]


def _tokens(doc: QuestionDoc) -> list[str]:
    topics = " ".join(doc.topics)
    return stems(doc.prompt) * PROMPT_WEIGHT + stems(topics) + stems(doc.answer)


def _by_prompt(doc: QuestionDoc) -> str:
    return doc.prompt.lower()


@dataclass(frozen=True)
class Hit:
    """A question as a result shows it: its prompt with the query's words marked, and, when
    the words are in the answer, a snippet of the answer around the first of them."""

    question: QuestionDoc
    prompt: Markup
    snippet: Markup | None


def hits(questions: Iterable[QuestionDoc], *, text: str) -> list[Hit]:
    """`questions` as results for the query `text`, matches marked with <mark>."""
    words = frozenset(terms(text))
    return [
        Hit(
            question=doc,
            prompt=_mark_html(render_inline(doc.prompt), words),
            snippet=_snippet(doc.answer, words) if words else None,
        )
        for doc in questions
    ]


def _mark_html(html: Markup, words: Collection[str]) -> Markup:
    """Wrap the words of `html` whose stem is in `words` in <mark>, leaving tags, entities and
    maths alone (KaTeX typesets a maths element's text, so it must stay plain TeX)."""
    if not words:
        return html
    in_maths = False

    def mark(piece: re.Match[str]) -> str:
        nonlocal in_maths
        tag, entity, word = piece.groups()
        if tag is not None:
            if 'class="math' in tag:
                in_maths = True
            elif tag.startswith("</"):
                in_maths = False
            return tag
        if entity is not None or in_maths or stem(word.lower()) not in words:
            return piece.group()
        return f"<mark>{word}</mark>"

    return Markup(_HTML_PIECE.sub(mark, str(html)))


def _snippet(answer: str, words: Collection[str]) -> Markup | None:
    """About SNIPPET_CHARS of the answer's text around its first matching word, escaped, with
    the matching words marked; None when no query word is in the answer."""
    text, spans = _answer_words(answer)
    found = [(begin, end) for begin, end, word_stem in spans if word_stem in words]
    if not found:
        return None
    start = max(0, found[0][0] - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    parts: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for begin, stop in found:
        if begin < start or stop > end:
            continue
        parts.append(str(escape(text[cursor:begin])))
        parts.append(f"<mark>{escape(text[begin:stop])}</mark>")
        cursor = stop
    parts.append(str(escape(text[cursor:end])))
    parts.append("…" if end < len(text) else "")
    return Markup("".join(parts))


@lru_cache(maxsize=8192)
def _answer_words(answer: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """An answer's text with its whitespace folded, and each word's (start, end, stem): worked
    out once per answer, not on each search that shows it."""
    text = " ".join(answer.split())
    return text, tuple(
        (match.start(), match.end(), stem(match.group().lower())) for match in _WORD.finditer(text)
    )


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of results: `number` counts from 1; `count` is the number of pages."""

    items: list[T]
    number: int
    count: int
    total: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.count


def paginate(items: list[T], *, number: int, size: int) -> Page[T]:
    """Page `number` of `items`; a number past the end gives the last page."""
    count = max(1, math.ceil(len(items) / size))
    number = min(max(number, 1), count)
    start = (number - 1) * size
    return Page(items=items[start : start + size], number=number, count=count, total=len(items))
