"""Answer-mode scoring: how much of each key point (a claim a good answer makes) an answer says.

Text is reduced to terms: lower case, stop words and single letters dropped, Snowball
English stems (so "quadratically" meets "quadratic"), then a small domain synonym table
(server/synonyms.py) maps words a person uses for the same thing onto one term ("omits"
meets "drops", "long short-term memory" meets "LSTM"). Each term weighs its IDF over the
bank's answers, so a rare, telling word counts for more than one every answer uses; a term
the question itself uses weighs `PROMPT_WEIGHT` of that, since repeating the question is
what a vague answer does.

Each key point gets a credit in [0, 1]:

* **Lexical**: the share of the point's weight whose terms appear anywhere in the answer.
  Below `LEXICAL_FLOOR` (words any answer on the topic shares) it earns nothing; from there
  it rises linearly to full credit at `LEXICAL_THRESHOLD`. Key points of at most
  `SHORT_POINT` terms ("Dropout") need all of them, since half of two words is one word.
* **TF-IDF**: one sentence of the answer with a TF-IDF cosine of at least
  `COSINE_THRESHOLD` with the point, sharing at least two of its terms, gives full credit:
  a focused sentence that says the point with fewer of its words.

A point with full credit is covered; the score is the mean credit, so an answer that says
half of every point ranks above one that says nothing, and below one that says them all.

Why these numbers: benchmarks/answers.py scores a labelled set of typed answers (a strong,
a partial, a vague and a wrong one for each of 32 bank questions) and prints how often the
scores order them as labelled; tests/server/test_keypoints.py keeps that above target.
Adding lines to an answer never lowers a credit: both tests only see more text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from server.stemming import stem
from server.synonyms import PHRASES, WORD_GROUPS

__all__ = [
    "COSINE_THRESHOLD",
    "LEXICAL_FLOOR",
    "LEXICAL_THRESHOLD",
    "PROMPT_WEIGHT",
    "SHORT_POINT",
    "Coverage",
    "Idf",
    "coverage",
    "fit_idf",
    "stems",
    "suggested_rating",
    "terms",
]

LEXICAL_THRESHOLD = 0.5
LEXICAL_FLOOR = 0.2
SHORT_POINT = 2
COSINE_THRESHOLD = 0.4
PROMPT_WEIGHT = 0.3

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
# Longest phrase first, so "recurrent neural networks" is not read as "recurrent network".
_PHRASE = re.compile(
    "|".join(
        r"\b" + re.escape(variant).replace(r"\ ", r"[\s-]+") + r"\b"
        for variant in sorted((v for vs in PHRASES.values() for v in vs), key=len, reverse=True)
    )
)


def _spaced(phrase: str) -> str:
    return " ".join(re.split(r"[\s-]+", phrase))


_PHRASE_TERM = {_spaced(variant): term for term, vs in PHRASES.items() for variant in vs}


Weight = Callable[[str], float]


def stems(text: str) -> list[str]:
    """Stemmed content words of `text`, in order: lower case, no stop words, no single letters."""
    words = _WORD.findall(text.lower())
    return [stem(w) for w in words if w not in _STOP_WORDS and (len(w) > 1 or w.isdigit())]


_SYNONYM = {
    stem(word): stem(group[0].split()[0])
    for group in WORD_GROUPS
    for word in group
    if " " not in word
}


def terms(text: str) -> list[str]:
    """`stems`, with the synonym table applied: what matching compares."""
    text = _PHRASE.sub(lambda m: f" {_PHRASE_TERM[_spaced(m.group(0))]} ", text.lower())
    return [_SYNONYM.get(word, word) for word in stems(text)]


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies of terms over a corpus (the bank's answers)."""

    weights: dict[str, float] = field(default_factory=dict)
    unseen: float = 1.0

    def __call__(self, term: str) -> float:
        return self.weights.get(term, self.unseen)


def fit_idf(documents: Iterable[str]) -> Idf:
    """Smoothed IDF, log((1 + n) / (1 + df)) + 1: no weight is zero, unseen words weigh most."""
    frequency: Counter[str] = Counter()
    count = 0
    for document in documents:
        count += 1
        frequency.update(set(terms(document)))
    weights = {s: math.log((1 + count) / (1 + df)) + 1 for s, df in frequency.items()}
    return Idf(weights=weights, unseen=math.log(1 + count) + 1)


@dataclass(frozen=True)
class Coverage:
    """Per key point, its credit in [0, 1]; covered when full; `score` is the mean credit."""

    credits: tuple[float, ...]

    @property
    def covered(self) -> tuple[bool, ...]:
        return tuple(credit >= 1.0 for credit in self.credits)

    @property
    def score(self) -> float:
        return sum(self.credits) / len(self.credits) if self.credits else 0.0

    @property
    def covered_indexes(self) -> list[int]:
        return [i for i, hit in enumerate(self.covered) if hit]


def coverage(key_points: Sequence[str], answer: str, *, idf: Idf, prompt: str = "") -> Coverage:
    """Score `answer` against `key_points` of the question `prompt`; see the module docstring."""
    asked = set(terms(prompt))

    def weight(term: str) -> float:
        return idf(term) * (PROMPT_WEIGHT if term in asked else 1.0)

    points = [Counter(terms(point)) for point in key_points]
    sentences = [Counter(terms(s)) for s in _SENTENCE_END.split(answer)]
    sentences = [s for s in sentences if s]
    answer_terms = set().union(*sentences)
    cosine = _best_cosines(points, sentences, weight) >= COSINE_THRESHOLD
    return Coverage(
        tuple(
            (1.0 if close else _lexical(point, answer_terms, weight)) if point else 0.0
            for point, close in zip(points, cosine, strict=True)
        )
    )


def suggested_rating(score: float) -> int:
    """The FSRS rating (1 Again .. 4 Easy) to suggest for a score; the user decides."""
    if score >= 0.9:
        return 4
    if score >= 0.6:
        return 3
    if score >= 0.3:
        return 2
    return 1


def _lexical(point: Counter[str], answer_terms: set[str], weight: Weight) -> float:
    if len(point) <= SHORT_POINT:
        return 1.0 if all(s in answer_terms for s in point) else 0.0
    share = sum(weight(s) for s in point if s in answer_terms) / sum(weight(s) for s in point)
    return min(1.0, max(0.0, (share - LEXICAL_FLOOR) / (LEXICAL_THRESHOLD - LEXICAL_FLOOR)))


def _best_cosines(
    points: list[Counter[str]], sentences: list[Counter[str]], weight: Weight
) -> np.ndarray:
    """Per key point, its best TF-IDF cosine with a sentence sharing two of its terms, or 0."""
    if not points or not sentences:
        return np.zeros(len(points))
    vocabulary = {s: i for i, s in enumerate({s for c in points + sentences for s in c})}
    weights = np.array([weight(s) for s in vocabulary])

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
