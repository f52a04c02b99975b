"""Answer-mode scoring: which of a question's key points a typed answer covers.

A key point counts as covered when either test passes:

* **Lexical**: the answer contains enough of the key point's stemmed content words
  (stop words dropped, Snowball English stems, so "quadratically" meets "quadratic").
  Words are weighted by their IDF over the bank's answers, so the rare, telling word
  ("quadratic") matters more than one every answer uses ("model"). Covered when the
  matched share of the key point's IDF mass is at least `LEXICAL_THRESHOLD`.
* **TF-IDF**: the cosine between the key point and one sentence of the answer is at least
  `COSINE_THRESHOLD`. This catches a sentence that says the key point in fewer of its
  words (a paraphrase that keeps the rare ones) without demanding the full vocabulary.

Both tests only ever look at more text when the answer grows by whole lines, so adding
lines never uncovers a key point; the score is the covered share, in [0, 1].
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import snowballstemmer

__all__ = [
    "COSINE_THRESHOLD",
    "LEXICAL_THRESHOLD",
    "Coverage",
    "Idf",
    "bank_idf",
    "coverage",
    "fit_idf",
    "stems",
    "suggested_rating",
]

# Two thirds of a key point's weight: a four-word point survives one missing or reworded
# word, a two-word point needs both unless one is far rarer than the other. Tuned on the
# bank with tests/server/test_keypoints.py's good / vague / off-topic answers.
LEXICAL_THRESHOLD = 0.66
# A sentence holding all the key point's words among as many others again scores ~0.7;
# 0.5 still accepts a sentence carrying the rarest two thirds of them, while generic
# sentences that share one common word stay well below it.
COSINE_THRESHOLD = 0.5

_WORD = re.compile(r"[a-z0-9]+")
# Sentence ends, and every new line (list items, paragraphs) starts a new sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
# Function words that say nothing about content; kept short and plain on purpose.
_STOP_WORD_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing done down during
    each either few for from further had has have having he her here hers him his how
    i if in into is it its itself just let lets may me might more most much must my no
    nor not of off on once only or other our ours out over own same she should so some
    such than that the their theirs them then there these they this those through thus
    to too under until up upon us very via was we were what when where whether which
    while who whom whose why will with would yet you your yours eg ie etc
"""
_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def stems(text: str) -> list[str]:
    """Stemmed content words of `text`, in order: lower case, no stop words, no single letters."""
    words = _WORD.findall(text.lower())
    return [_stem(w) for w in words if w not in _STOP_WORDS and (len(w) > 1 or w.isdigit())]


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies of stems over a corpus (the bank's answers)."""

    weights: dict[str, float] = field(default_factory=dict)
    unseen: float = 1.0

    def __call__(self, stem: str) -> float:
        return self.weights.get(stem, self.unseen)


def fit_idf(documents: Iterable[str]) -> Idf:
    """Smoothed IDF, log((1 + n) / (1 + df)) + 1: no weight is zero, unseen words weigh most."""
    frequency: Counter[str] = Counter()
    count = 0
    for document in documents:
        count += 1
        frequency.update(set(stems(document)))
    weights = {s: math.log((1 + count) / (1 + df)) + 1 for s, df in frequency.items()}
    return Idf(weights=weights, unseen=math.log(1 + count) + 1)


@lru_cache(maxsize=4)
def bank_idf(answers: tuple[str, ...]) -> Idf:
    """`fit_idf` remembered per bank, so scoring a typed answer does not re-read every answer."""
    return fit_idf(answers)


@dataclass(frozen=True)
class Coverage:
    """Per key point, whether the answer covers it; `score` is the covered share."""

    covered: tuple[bool, ...]

    @property
    def score(self) -> float:
        return sum(self.covered) / len(self.covered) if self.covered else 0.0

    @property
    def covered_indexes(self) -> list[int]:
        return [i for i, hit in enumerate(self.covered) if hit]


def coverage(key_points: Sequence[str], answer: str, *, idf: Idf) -> Coverage:
    """Score `answer` against `key_points`; see the module docstring for the two tests."""
    points = [Counter(stems(point)) for point in key_points]
    sentences = [Counter(stems(s)) for s in _SENTENCE_END.split(answer)]
    sentences = [s for s in sentences if s]
    answer_stems = set().union(*sentences)
    lexical = [_weighted_share(p, answer_stems, idf) >= LEXICAL_THRESHOLD for p in points]
    cosine = _best_cosines(points, sentences, idf) >= COSINE_THRESHOLD
    return Coverage(
        tuple(
            bool(p) and (lex or bool(cos))
            for p, lex, cos in zip(points, lexical, cosine, strict=True)
        )
    )


def suggested_rating(score: float) -> int:
    """The FSRS rating (1 Again .. 4 Easy) to suggest for a coverage score; the user decides."""
    if score >= 1.0:
        return 4
    if score >= 2 / 3:
        return 3
    if score >= 1 / 3:
        return 2
    return 1


def _weighted_share(point: Counter[str], answer_stems: set[str], idf: Idf) -> float:
    total = sum(idf(s) for s in point)
    return sum(idf(s) for s in point if s in answer_stems) / total if total else 0.0


def _best_cosines(
    points: list[Counter[str]], sentences: list[Counter[str]], idf: Idf
) -> np.ndarray:
    """For each key point, its highest TF-IDF cosine with any sentence (0 when there are none)."""
    if not points or not sentences:
        return np.zeros(len(points))
    vocabulary = {s: i for i, s in enumerate({s for c in points + sentences for s in c})}
    weights = np.array([idf(s) for s in vocabulary])

    def matrix(rows: list[Counter[str]]) -> np.ndarray:
        tf = np.zeros((len(rows), len(vocabulary)))
        for r, counts in enumerate(rows):
            for s, n in counts.items():
                tf[r, vocabulary[s]] = n
        tfidf = tf * weights
        norms = np.linalg.norm(tfidf, axis=1, keepdims=True)
        return np.divide(tfidf, norms, out=np.zeros_like(tfidf), where=norms > 0)

    return np.asarray((matrix(points) @ matrix(sentences).T).max(axis=1))
