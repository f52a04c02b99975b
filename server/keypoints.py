"""Answer-mode scoring: which of a question's key points a typed answer covers.

Text is reduced to stemmed content words: lower case, stop words and single letters
dropped, Snowball English stems (so "quadratically" meets "quadratic"). Each stem weighs
its IDF over the bank's answers, so a rare, telling word ("quadratic") counts for more
than one every answer uses ("model"). A key point counts as covered when either test passes:

* **Lexical**: the stems found anywhere in the answer carry at least `LEXICAL_THRESHOLD`
  of the key point's IDF weight. Key points of at most `SHORT_POINT` stems ("Low bias",
  "Dropout") need all of them, since half of two words is one, often generic, word.
* **TF-IDF**: one sentence of the answer has a TF-IDF cosine of at least
  `COSINE_THRESHOLD` with the key point and shares at least two of its stems. This catches
  a focused sentence that says the point with fewer of its words; the two shared stems
  keep a short sentence that happens to share one word from passing.

Why these numbers: the importer derives key points by cutting the answer's sentences to a
dozen words, so a person who knows the point says about half of them, some in other words.
On the bank (358 questions) with tests/server/test_keypoints.py's hand-written answers,
these thresholds cover all 23 key points of the good answers and none for the vague or
off-topic ones; scored against another question's key points, a reference answer covers
3% of them on average. Stricter settings (0.66 share, 0.5 cosine) halve that 3% but miss
3 of the 23 paraphrased points, and a miss costs a user more than a lenient tick here:
the score only suggests a rating, the user sets it.

Both tests only ever see more text when the answer grows by whole lines, so adding lines
never uncovers a key point; the score is the covered share, in [0, 1].
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
    "SHORT_POINT",
    "Coverage",
    "Idf",
    "coverage",
    "fit_idf",
    "stems",
    "suggested_rating",
]

LEXICAL_THRESHOLD = 0.5
SHORT_POINT = 2
COSINE_THRESHOLD = 0.4

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
    cosine = _best_cosines(points, sentences, idf) >= COSINE_THRESHOLD
    return Coverage(
        tuple(
            bool(point) and (_lexical(point, answer_stems, idf) or bool(close))
            for point, close in zip(points, cosine, strict=True)
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


def _lexical(point: Counter[str], answer_stems: set[str], idf: Idf) -> bool:
    if len(point) <= SHORT_POINT:
        return all(s in answer_stems for s in point)
    matched = sum(idf(s) for s in point if s in answer_stems)
    return matched >= LEXICAL_THRESHOLD * sum(idf(s) for s in point)


def _best_cosines(
    points: list[Counter[str]], sentences: list[Counter[str]], idf: Idf
) -> np.ndarray:
    """Per key point, its best TF-IDF cosine with a sentence sharing two of its stems, or 0."""
    if not points or not sentences:
        return np.zeros(len(points))
    vocabulary = {s: i for i, s in enumerate({s for c in points + sentences for s in c})}
    weights = np.array([idf(s) for s in vocabulary])

    def counts(rows: list[Counter[str]]) -> np.ndarray:
        tf = np.zeros((len(rows), len(vocabulary)))
        for r, row in enumerate(rows):
            for s, n in row.items():
                tf[r, vocabulary[s]] = n
        return tf

    def unit(tf: np.ndarray) -> np.ndarray:
        tfidf = tf * weights
        norms = np.linalg.norm(tfidf, axis=1, keepdims=True)
        return np.divide(tfidf, norms, out=np.zeros_like(tfidf), where=norms > 0)

    point_tf, sentence_tf = counts(points), counts(sentences)
    cosines = unit(point_tf) @ unit(sentence_tf).T
    shared = (point_tf > 0).astype(float) @ (sentence_tf > 0).T.astype(float)
    cosines[shared < 2] = 0.0
    return np.asarray(cosines.max(axis=1))
