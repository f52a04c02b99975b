"""Key-point coverage on real bank questions: good answers beat vague and off-topic ones."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server.bank.files import QuestionDoc, load_bank
from server.config import Settings
from server.keypoints import Idf, coverage, fit_idf, stems, suggested_rating


@cache
def _bank() -> dict[str, QuestionDoc]:
    docs, _ = load_bank(Settings().questions_dir)
    return {doc.id: doc for doc in docs}


@cache
def _idf() -> Idf:
    return fit_idf(doc.answer for doc in _bank().values())


def _question(id_: str) -> QuestionDoc:
    return _bank()[id_]


# Hand-written answers per bank question: one that knows the material, one that waffles,
# one about something else entirely.
ANSWERS = {
    "what-are-some-drawbacks-of-the-transformer-d45d1218": (
        "Self-attention compares every pair of tokens, so the runtime is quadratic in the "
        "input sequence length. Transformers are data hungry: their data appetite is far "
        "higher than that of CNNs, which are more sample efficient. They need a lot of "
        "compute and memory, and that high compute hurts power use and battery life on "
        "phones.",
        "Transformers are large and can be tricky. There are some downsides you have to "
        "think about before you pick one for a project.",
        "A binary search tree keeps its keys ordered, so lookups walk down one branch.",
    ),
    "what-is-transfer-learning-and-what-approaches-to-it-are-073e8791": (
        "Transfer learning reuses a model trained on one task for another. You can use the "
        "pre-trained model as-is; continue training it with a low learning rate (fine-tuning); "
        "freeze it and add new trainable layers on top; or retrain from scratch when your data "
        "is large and very different.",
        "Transfer learning is when knowledge moves from one place to another, which helps.",
        "Pearson's coefficient measures linear correlation between two variables.",
    ),
    "lstm-full-format-ea0bfed4": (
        "LSTM stands for Long Short-Term Memory.",
        "It is a kind of neural network layer for sequences.",
        "The birthday paradox needs only 23 people.",
    ),
    "explain-mean-average-in-terms-of-attention-aceba6f5": (
        "Taking the mean is attention with uniform weights: averaging is uniform attention.",
        "Attention looks at things and combines them in some way.",
        "Gradient boosting fits trees one after another on the residuals.",
    ),
}


@pytest.mark.parametrize("question_id", sorted(ANSWERS))
def test_good_answer_covers_more_than_vague_or_off_topic(question_id: str) -> None:
    doc = _question(question_id)
    good, vague, off_topic = (
        coverage(doc.key_points, answer, idf=_idf()).score for answer in ANSWERS[question_id]
    )
    assert good > vague
    assert good > off_topic
    assert off_topic == 0.0


@pytest.mark.parametrize("question_id", sorted(ANSWERS))
def test_good_answer_covers_most_key_points(question_id: str) -> None:
    doc = _question(question_id)
    assert coverage(doc.key_points, ANSWERS[question_id][0], idf=_idf()).score >= 0.75


def test_reference_answers_cover_most_of_their_own_key_points() -> None:
    """The importer derives key points from the answer, so the answer itself should score well."""
    scores = [
        coverage(doc.key_points, doc.answer, idf=_idf()).score
        for doc in _bank().values()
        if doc.key_points
    ]
    assert scores
    assert sum(scores) / len(scores) >= 0.9


def test_stemming_matches_word_forms() -> None:
    assert stems("Computing quadratically growing costs") == stems("compute quadratic grows cost")


def test_stop_words_and_single_letters_carry_no_weight() -> None:
    assert stems("the a of T and d") == []
    assert stems("O(T^2 d) for 2 layers") == ["2", "2", "layer"]


def test_paraphrase_sentence_passes_on_tfidf_when_words_fall_short() -> None:
    """Half of the point's words in one focused clause covers it; spread thin, it does not."""
    idf = fit_idf(["alpha beta", "gamma delta", "epsilon zeta", "beta gamma"])
    point = ["quadratic runtime sequence length growth"]
    assert coverage(point, "Quadratic in sequence length.", idf=idf).covered == (True,)
    spread = "It is quadratic.\nTrains on sequences of text.\nModels have a length limit."
    assert coverage(point, spread, idf=idf).covered == (False,)


def test_key_point_without_content_words_is_never_covered() -> None:
    assert coverage(["it is what it is"], "it is what it is", idf=_idf()).covered == (False,)


def test_no_key_points_scores_zero() -> None:
    result = coverage([], "anything at all", idf=_idf())
    assert result.covered == ()
    assert result.score == 0.0


@pytest.mark.parametrize(
    ("score", "rating"), [(0.0, 1), (0.2, 1), (0.34, 2), (0.5, 2), (0.67, 3), (0.99, 3), (1.0, 4)]
)
def test_suggested_rating_rises_with_score(score: float, rating: int) -> None:
    assert suggested_rating(score) == rating


_with_key_points = st.sampled_from(sorted(i for i, d in _bank().items() if d.key_points))
_bank_words = st.sampled_from(
    sorted({word for doc in _bank().values() for word in doc.answer.split()})
)
_answers = st.one_of(
    st.text(max_size=300),
    st.lists(_bank_words, max_size=60).map(" ".join),
)


@given(question_id=_with_key_points, answer=_answers)
def test_score_is_a_share(question_id: str, answer: str) -> None:
    result = coverage(_question(question_id).key_points, answer, idf=_idf())
    assert 0.0 <= result.score <= 1.0
    assert len(result.covered) == len(_question(question_id).key_points)


@given(question_id=_with_key_points, blank=st.sampled_from(["", " ", "\n\n", "\t. ,;"]))
def test_empty_answer_scores_zero(question_id: str, blank: str) -> None:
    assert coverage(_question(question_id).key_points, blank, idf=_idf()).score == 0.0


@given(question_id=_with_key_points, answer=_answers, data=st.data())
def test_adding_a_key_point_never_lowers_coverage(
    question_id: str, answer: str, data: st.DataObject
) -> None:
    points = _question(question_id).key_points
    index = data.draw(st.integers(0, len(points) - 1))
    before = coverage(points, answer, idf=_idf())
    after = coverage(points, f"{answer}\n{points[index]}", idf=_idf())
    assert after.score >= before.score
    assert set(before.covered_indexes) <= set(after.covered_indexes)
    if stems(points[index]):
        assert index in after.covered_indexes


@given(question_id=_with_key_points, answer=_answers, extra=_answers)
def test_adding_lines_never_uncovers_a_key_point(question_id: str, answer: str, extra: str) -> None:
    points = _question(question_id).key_points
    before = coverage(points, answer, idf=_idf())
    after = coverage(points, f"{answer}\n{extra}", idf=_idf())
    assert set(before.covered_indexes) <= set(after.covered_indexes)
