"""The importer on the five real notes: what becomes a question, and how its answer reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.bank.checks import check_bank
from server.bank.derive import MAX_SENTENCE_WORDS
from server.bank.files import QuestionDoc, load_bank
from server.bank.shapes import detect_shape, parse_note
from server.bank.shapes.freeform import UNANSWERED
from server.bank.text import FIGURE_MISSING
from tests.bank.conftest import COURSE, FLASHCARDS, FREEFORM, HTML, NOTES, QA_PAGE


@pytest.fixture(scope="module")
def bank(imported: Path) -> dict[str, QuestionDoc]:
    docs, errors = load_bank(imported)
    assert errors == []
    return {doc.prompt: doc for doc in docs}


def _from(bank: dict[str, QuestionDoc], note: str) -> list[QuestionDoc]:
    return [
        doc for doc in bank.values() if note in doc.source or any(note in p for p in doc.also_in)
    ]


@pytest.mark.parametrize(
    ("note", "shape", "count"),
    [(FREEFORM, "freeform", 8), (COURSE, "course", 18), (FLASHCARDS, "flashcards", 91),
     (QA_PAGE, "qa-page", 247), (HTML, "html", 6)],
)  # fmt: skip
def test_each_note_is_read_as_its_shape_with_its_number_of_questions(
    note: str, shape: str, count: int
) -> None:
    text = (NOTES / note).read_text(encoding="utf-8")
    assert detect_shape(text) == shape
    assert len(parse_note(note, text)) == count


def test_the_bank_holds_every_question_once(bank: dict[str, QuestionDoc]) -> None:
    # 370 drafts from the five notes; 12 are repeats merged into the question they repeat.
    assert len(bank) == 358
    assert len({doc.id for doc in bank.values()}) == 358


@pytest.mark.parametrize(
    "not_a_question",
    ["Pros", "Cons", "Deep Learning", "NLP", "Machine Learning", "Misc", "Why This Matters",
     "References", "Citation", "Linear Regression", "Week 1", "Tokenization", "Deep Learning 101"],
)  # fmt: skip
def test_section_headers_and_sub_headings_never_become_prompts(
    bank: dict[str, QuestionDoc], not_a_question: str
) -> None:
    needle = not_a_question.lower()
    assert not [p for p in bank if p.lower().rstrip("?").removeprefix("what is ") == needle]
    assert not [p for p in bank if p.lower().rstrip("?").removeprefix("what are ") == needle]


def test_qa_page_questions_keep_their_whole_answer_with_latex_converted(
    bank: dict[str, QuestionDoc],
) -> None:
    doc = bank["What are some drawbacks of the Transformer?"]
    assert doc.source == f"notes/{QA_PAGE}:268"
    assert "$O(T^2 d)$" in doc.answer and "\\(" not in doc.answer
    assert doc.answer.count("\n- ") == 11  # all twelve answer bullets (note lines 269-280)
    assert doc.answer.rstrip().endswith("compared to its conventional competitors.")
    binomial = next(d for d in bank.values() if "$$p(x) = nCx p^x q^(n-x)" in d.answer)
    assert "\\[" not in binomial.answer


def test_sub_headings_stay_inside_the_answer_they_belong_to(bank: dict[str, QuestionDoc]) -> None:
    seeds = bank["Explain how random seed initialization works with LLMs."]
    for heading in (
        "What is a Seed?",
        "How to Control the Random Seed in Code",
        "Why This Matters",
    ):
        assert f"**{heading}**" in seeds.answer
    models = bank["What are the pros and cons of popular machine learning models?"]
    assert models.answer.count("**Pros**") == models.answer.count("**Cons**") == 10
    assert "**Linear Regression**" in models.answer and "**k-Nearest Neighbor**" in models.answer
    flash = bank["Why is Flash attention needed, and how does it work?"]
    assert "**How Does Flash Attention Work?**" in flash.answer


def test_questions_missing_from_the_index_are_found_in_the_body(
    bank: dict[str, QuestionDoc],
) -> None:
    assert "What is dummy variable trap in ML?" in bank
    assert "What is an isotropic cluster?" in bank
    assert "What is a monotonic relationship?" not in bank  # it sits inside an answer bullet


def test_code_split_across_lines_is_fenced_and_reindented(bank: dict[str, QuestionDoc]) -> None:
    doc = next(d for d in bank.values() if d.prompt.startswith("Given two arrays, write a python"))
    assert "```python\nset(X) & set(Y)\n```" in doc.answer
    assert (
        "```python\ndef common_func(X, Y):\n    Z=[]\n    for i in X:\n        for j in Y:\n"
        "            if i==j and i not in Z:\n                Z.append(i)\n    return Z\n```"
    ) in doc.answer
    assert doc.difficulty == "hard"
    duplicates = next(d for d in bank.values() if d.prompt.startswith("Given an array, find all"))
    assert "    else:\n        set1.add(i)\nprint(res)\n```" in duplicates.answer


def test_inline_code_an_export_put_on_its_own_line_is_put_back(
    bank: dict[str, QuestionDoc],
) -> None:
    spark = bank["Which pitfalls in Spark data engineering hurt data lake performance?"]
    assert "Set `spark.sql.shuffle.partitions` so that each partition" in spark.answer
    seeds = bank["Explain how random seed initialization works with LLMs."]
    assert "By calling `set_seed(seed)` (or any equivalent method)" in seeds.answer


def test_figures_the_notes_lost_are_marked(bank: dict[str, QuestionDoc]) -> None:
    marked = [d for d in bank.values() if FIGURE_MISSING in d.answer]
    assert len(marked) >= 10
    assert any("The figure below summarizes these assumptions" in d.answer for d in marked)
    assert FIGURE_MISSING in bank["Why is high-dim data a problem?"].answer
    assert not [d for d in bank.values() if "<img" in d.answer or "dropbox.com" in d.answer]


def test_repeated_questions_are_merged_with_every_source_kept(bank: dict[str, QuestionDoc]) -> None:
    entropy = bank["What is entropy in information theory?"]
    assert entropy.source == f"notes/{QA_PAGE}:2154"
    assert set(entropy.also_in) == {f"notes/{QA_PAGE}:2239", f"notes/{QA_PAGE}:2423"}
    bagging = bank["What is bagging?"]  # course notes and flashcards both define it
    assert {bagging.source.split(":")[0], *(p.split(":")[0] for p in bagging.also_in)} == {
        f"notes/{COURSE}",
        f"notes/{FLASHCARDS}",
    }
    assert "What is Entropy (information theory)?" not in bank


def test_course_headings_become_interview_questions_with_nested_bullets(
    bank: dict[str, QuestionDoc],
) -> None:
    # The brief's own example: a heading and its "... approaches" child make one question.
    transfer = bank["What is transfer learning and what approaches to it are there?"]
    assert transfer.id == "what-is-transfer-learning-and-what-approaches-to-it-are-073e8791"
    assert transfer.answer.startswith("- NLP models (and others) are too big and complex")
    assert "**Approaches**\n\n- Continue training a pre-trained model (fine-tuning)\n  - Use" in (
        transfer.answer
    )
    assert transfer.answer.endswith(
        "- Use it as-is\n  - When the model’s training data is what you want already."
    )
    assert transfer.key_points[2:4] == (
        "Continue training a pre-trained model",
        "Add new trainable layers to the top of a frozen model",
    )
    assert "What are the main transfer learning approaches?" not in bank
    regularization = bank["What is regularization?"]  # a question bullet, split out of its section
    assert regularization.answer.startswith("- Preventing overfitting\n  - Models that are good")
    assert bank["What is the difference between L1 and L2 regularization?"].source.startswith(
        f"notes/{COURSE}"
    )
    assert "How do you choose an activation function?" in bank


def test_flashcards_become_one_question_per_card(bank: dict[str, QuestionDoc]) -> None:
    assert bank["What does LSTM stand for?"].answer == "Long Short Term Memory"
    assert bank["What types of neural network are there?"].answer == (
        "- Feedforward\n- Convolutional Neural Network\n- Recurrent Neural Network"
    )
    assert bank["What are MaxPooling1D, MaxPooling2D, MaxPooling3D?"].answer.startswith("distill")
    cnn = bank["What does a typical CNN for image classification look like, layer by layer?"]
    assert cnn.answer.startswith("- Conv2D:\n  - does the convolution\n- MaxPooling2D:")
    roc = bank["What is ROC?"]  # the deck repeats this card word for word
    assert roc.also_in == (f"notes/{FLASHCARDS}:198",)
    assert bank["What is an encoder decoder?"].answer.startswith("- e.g. Sequence to Vector to Seq")
    deepar = bank[
        "Which part of a time series should DeepAR get for training, testing and inference?"
    ]
    assert deepar.answer.startswith("- always include the entire time series")


def test_freeform_notes_give_interviewer_questions_and_keep_open_ones(
    bank: dict[str, QuestionDoc],
) -> None:
    clustering = bank["What are the main clustering methods?"]
    assert clustering.answer.startswith("- **K-means**: Unsupervised")
    assert clustering.source == f"notes/{FREEFORM}:26"
    open_question = next(d for d in bank.values() if d.prompt.startswith("Can you pre-gauge"))
    assert open_question.answer == UNANSWERED and open_question.key_points == ()
    assert bank["How do you install Spark?"].answer.startswith("- <https://archive.apache.org/")


def test_html_export_sections_become_questions_in_markdown(bank: dict[str, QuestionDoc]) -> None:
    assert len(_from(bank, HTML)) == 6
    automl = bank["What is AutoML?"]
    assert "- search strategy\n  - grid search: all possible combinations" in automl.answer
    assert "<https://arxiv.org/pdf/1808.05377.pdf>" in automl.answer
    assert "Week 1" not in automl.answer and "<a " not in automl.answer
    assert "**Types of params in ML**" in bank["What is hyperparameter tuning?"].answer


def test_every_question_has_topics_difficulty_and_key_points(bank: dict[str, QuestionDoc]) -> None:
    for doc in bank.values():
        assert doc.difficulty in ("easy", "medium", "hard")
        assert all(len(p.split()) <= MAX_SENTENCE_WORDS for p in doc.key_points), doc.id
    # A bare "yes you can", code with one aside, or a garbled line states no claim to check;
    # questions/ gives these key points by hand.
    assert sorted(
        doc.id for doc in bank.values() if not doc.key_points and doc.answer != UNANSWERED
    ) == [
        "are-decision-trees-prone-to-overfitting-f529fddd",
        "can-you-use-sagemaker-within-spark-4cfa2bfb",
        "given-an-integer-n-and-an-integer-k-output-a-list-of-all-of-8783f658",
        "what-is-the-difference-between-between-and-in-operators-in-0e8ed615",
    ]
    assert sum(bool(doc.topics) for doc in bank.values()) >= 330
    assert bank["Define correlation"].topics[0] == "statistics"


def test_the_importer_writes_no_key_point_the_content_check_rejects(
    bank: dict[str, QuestionDoc],
) -> None:
    problems = [str(e) for e in check_bank(bank.values()) if "key point" in e.message]
    assert problems == []
    vanishing = bank["What is the vanishing gradient problem?"].key_points
    assert "Opposite problem: exploding gradients" in vanishing
    assert "Opposite problem" not in vanishing
