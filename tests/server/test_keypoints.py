"""Key-point coverage on real bank questions: good answers beat vague and off-topic ones."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.answers import labelled_answers, new_scorer, pairwise_accuracy, strong_beats_vague
from server.bank.files import QuestionDoc, load_bank
from server.config import Settings
from server.keypoints import Idf, coverage, fit_idf, stems, suggested_rating, terms


@cache
def _bank() -> dict[str, QuestionDoc]:
    docs, _ = load_bank(Settings().questions_dir)
    return {doc.id: doc for doc in docs}


@cache
def _idf() -> Idf:
    return fit_idf(doc.answer for doc in _bank().values())


def _question(id_: str) -> QuestionDoc:
    return _bank()[id_]


# Hand-written answers per bank question: one that knows the material (in its own words),
# one that waffles, one about something else entirely.
ANSWERS = {
    "please-explain-what-is-dropout-in-deep-learning-fa661864": (
        "Dropout is a regularization method that fights overfitting. During training it randomly "
        "drops a fixed percentage of the neurons in a layer, so the network cannot rely on any "
        "single unit and has to learn more diverse, redundant representations of the data.",
        "Dropout is a layer you can add to a network; it is used a lot in practice.",
        "Pearson's coefficient measures the linear correlation between two variables.",
    ),
    "what-are-the-benefits-of-using-batch-normalization-3ae45ce3": (
        "Batch normalization improves the gradient flow through the network, so training depends "
        "less on the scale of the weights and their initialization. That lets you use a higher "
        "learning rate without the loss diverging. It also works as a regularizer, so you often "
        "need less dropout.",
        "Batch normalization normalizes things and generally makes networks better.",
        "A binary search tree keeps its keys ordered, so a lookup walks down one branch.",
    ),
    "how-do-you-fix-the-vanishing-gradient-problem-2f6d43ab": (
        "Use a better activation function such as ReLU instead of sigmoid. Add skip connections "
        "as in residual networks (ResNet). For sequences, use long short-term memory cells. Or "
        "split the model into a multi-level hierarchy of sub-networks trained one at a time.",
        "You have to be careful with the gradients and tune the network until it trains.",
        "The central limit theorem says sample means tend to a normal distribution.",
    ),
    "what-is-the-bias-variance-trade-off-in-machine-learning-8b6e86ad": (
        "The trade-off balances how well a model fits the training data (low bias) against how "
        "well it generalizes to new data (low variance). High bias means underfitting; high "
        "variance means overfitting.",
        "It is a trade-off you have to think about when you pick a model.",
        "SQL evaluates FROM and WHERE before SELECT and ORDER BY.",
    ),
    "what-is-gradient-checking-605e329c": (
        "Gradient checking is a debugging technique: you numerically check the derivatives that "
        "backpropagation computes during training, with finite differences. It is useful for "
        "validating your own neural network training code.",
        "It is something you do with gradients to check them.",
        "K-means assigns each point to its nearest centroid and then moves the centroids.",
    ),
    "can-you-explain-the-concept-of-transfer-learning-in-deep-3403bc56": (
        "Transfer learning leverages a model trained on one task as the starting point for a "
        "related task. It capitalizes on the features the first model already learned. Methods: "
        "use the pre-trained model as a fixed feature extractor, or fine-tune it on new data.",
        "It is when you transfer something from one place to another to learn faster.",
        "Gradient boosting fits trees one after another to the residuals.",
    ),
    "what-can-you-do-if-your-model-is-overfitting-d0957e5d": (
        "Try a simpler model with fewer layers and fewer neurons per layer. Add dropout, which "
        "removes random neurons while training. Use early stopping: stop when validation "
        "accuracy stops improving.",
        "Overfitting is bad, so you should fix the model until it works on new data.",
        "A p-value is the probability of data at least this extreme under the null hypothesis.",
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
    assert off_topic < 0.1  # a word in common may earn a sliver, never a point


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
    assert stems("Regularization regularizes") == ["regular", "regular"]


def test_synonyms_and_phrases_meet_on_one_term() -> None:
    assert terms("It omits neurons") == terms("it drops units")
    assert terms("long short-term memory cells") == terms("LSTM cells")
    assert terms("Recurrent neural networks") == ["rnn"]


def test_labelled_answers_are_ordered_as_labelled() -> None:
    """benchmarks/data/answers.toml: strong > partial > vague, partial > wrong, as targeted."""
    answers = labelled_answers()
    scorer = new_scorer(_bank())
    scores = {
        qid: {label: scorer(qid, text) for label, text in by.items()} for qid, by in answers.items()
    }
    notes = {_bank()[qid].source.split(":")[0] for qid in answers}
    assert len(answers) >= 30 and len(notes) == 5
    assert pairwise_accuracy(scores) >= 0.85
    assert strong_beats_vague(scores) >= 0.9


def test_a_question_term_weighs_less_than_a_telling_one() -> None:
    """Repeating the question's words is what a vague answer does; it earns less than the claim."""
    idf = fit_idf(["alpha beta", "gamma delta"])
    point = ["dropout switches neurons off at random"]
    prompt = "What is dropout?"
    echo = coverage(point, "Dropout is dropout.", idf=idf, prompt=prompt).score
    claim = coverage(point, "Neurons are switched off at random.", idf=idf, prompt=prompt).score
    assert echo < claim


def test_stop_words_and_single_letters_carry_no_weight() -> None:
    assert stems("the a of T and d") == []
    assert stems("O(T^2 d) for 2 layers") == ["2", "2", "layer"]


def test_one_focused_sentence_covers_a_point_the_words_alone_do_not() -> None:
    """Two of five words in one short sentence pass on TF-IDF; the same two apart do not."""
    idf = fit_idf(["alpha beta", "gamma delta"])
    point = ["quadratic runtime sequence length growth"]
    assert coverage(point, "Quadratic runtime.", idf=idf).covered == (True,)
    assert coverage(point, "It is quadratic.\nThe runtime is long.", idf=idf).covered == (False,)


def test_half_the_weight_of_a_long_point_covers_it() -> None:
    idf = fit_idf(["alpha beta", "gamma delta"])
    point = ["quadratic runtime sequence length growth"]
    spread = "It is quadratic.\nIt grows with the sequence.\nThe runtime is long."
    assert coverage(point, spread, idf=idf).covered == (True,)


def test_a_short_point_needs_every_word() -> None:
    idf = fit_idf(["alpha beta", "gamma delta"])
    assert coverage(["Low bias"], "The bias is high.", idf=idf).covered == (False,)
    assert coverage(["Low bias"], "Aim for low bias.", idf=idf).covered == (True,)


def test_key_point_without_content_words_is_never_covered() -> None:
    assert coverage(["it is what it is"], "it is what it is", idf=_idf()).covered == (False,)


def test_no_key_points_scores_zero() -> None:
    result = coverage([], "anything at all", idf=_idf())
    assert result.covered == ()
    assert result.score == 0.0


@pytest.mark.parametrize(
    ("score", "rating"), [(0.0, 1), (0.2, 1), (0.34, 2), (0.5, 2), (0.67, 3), (0.89, 3), (0.95, 4)]
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
