"""`katabank questions check` and `questions score`: what the content check rejects, and scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server.bank.checks import answer_problems, key_point_problem
from server.bank.files import load_bank, render_question
from server.cli import main
from server.config import PROJECT_ROOT
from server.keypoints import coverage, fit_idf

CORRECTION = """[[correction]]
note = "000_c949d0771b722932.txt"
match = "Naive Bayes: Supervised. If-then kind of method."
editor_note = "Naive Bayes is a supervised classifier, not a clustering method."
"""


def _question(bank: Path, name: str, *, key_points: tuple[str, ...], answer: str) -> Path:
    path = bank / f"{name}.md"
    path.write_text(
        render_question(
            id=name,
            prompt="What are the main clustering methods?",
            answer=answer,
            topics=("statistics",),
            difficulty="easy",
            source="notes/000_c949d0771b722932.txt:1",
            key_points=key_points,
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KATABANK_QUESTIONS_DIR", str(tmp_path))
    return tmp_path


def test_the_project_bank_passes_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "check"]) == 0
    assert capsys.readouterr().err.endswith(" problems\n")
    docs, _ = load_bank(PROJECT_ROOT / "questions")
    points = {point for doc in docs for point in doc.key_points}
    # The examples of key points that were not claims.
    assert not points & {"Opposite problem", "Variance", "yes", "Naive Bayes"}
    assert not any(point.endswith(("network's", "network’s")) for point in points)


@pytest.mark.parametrize(
    ("point", "problem"),
    [
        ("Opposite problem", "is a heading"),
        ("yes", "is a heading"),
        ("Variance", "only repeats the question's words"),
        ("the aim is to minimizing a neural network's", "is a fragment: it stops at"),
        ("Dependency parsing is a method used in the", "is a fragment: it stops at 'the'"),
        ("Softmax of (the logits", "do not pair up"),
        ("Uses $x^2 as the loss", "do not pair up"),
        ("While CNNs were once used for translation", "a subordinate clause"),
        ("Whether the order", "a lead-in phrase"),
        ("Approach 3: Approach 4", "is a heading"),
        ("A meta-model combines the predictions**", "do not pair up"),
        ("Naive Bayes", "contradicted by the editor's note"),
        ("Naive Bayes: supervised, if-then rules", "contradicted by the editor's note"),
    ],
)
def test_a_key_point_that_is_not_a_claim_is_named(point: str, problem: str) -> None:
    note = "Naive Bayes and decision trees are supervised classifiers, not clustering methods."
    found = key_point_problem(
        point, prompt="What are the bias and variance of a model?", notes=[note]
    )
    assert found is not None and problem in found


def test_a_claim_passes_and_a_restated_claim_is_a_duplicate() -> None:
    prompt = "What is the vanishing gradient problem?"
    claim = "The opposite problem is exploding gradients"
    assert key_point_problem(claim, prompt=prompt) is None
    assert key_point_problem("Start with ReLU", prompt="How do you choose an activation?") is None
    note = "Naive Bayes is a supervised classifier, not a clustering method: only k-means clusters."
    assert key_point_problem("K-means groups points", prompt=prompt, notes=[note]) is None
    found = key_point_problem("Exploding gradients are the opposite problem", prompt=prompt,
                              others=[claim])  # fmt: skip
    assert found is not None and "repeats the key point" in found


def test_a_point_saying_what_the_editor_put_in_bold_agrees_with_the_note() -> None:
    note = "L1 is the sum of the **absolute values** of the weights, not the plain sum."
    prompt = "What is L1 regularization?"
    assert key_point_problem("L1 is the sum of the weights", prompt=prompt, notes=[note])
    fixed = "L1 is the sum of the absolute values of the weights"
    assert key_point_problem(fixed, prompt=prompt, notes=[note]) is None


def test_a_point_restating_text_an_editor_corrected_is_rejected() -> None:
    found = key_point_problem(
        "L1 is the sum of the weights",
        prompt="What are L1 and L2 regularization?",
        wrong=["L1 term is the sum of the weights"],
    )
    assert found is not None and "which an editor's note corrects" in found


@pytest.mark.parametrize(
    ("answer", "line", "message"),
    [
        ("- one\n-\n- three", 2, "empty bullet"),
        ("- one\n  1. \n", 2, "empty bullet"),
        ("Cost is $O(n^2) per step.", 1, "inline maths `$` opened and never closed"),
        ("Text\n\n$$\\frac{a}{b$$", 3, "braces do not pair up"),
        ("Intro\n$$x = 1\n", 2, "display maths `$$` opened and never closed"),
        ("Left as \\(x\\) by the export", 1, "\\( \\) or \\[ \\] delimiters"),
    ],
)
def test_answer_problems_are_located(answer: str, line: int, message: str) -> None:
    [(found_line, found)] = answer_problems(answer)
    assert found_line == line and message in found


def test_code_and_escaped_dollars_are_not_maths() -> None:
    answer = "It costs \\$5.\n\n```python\nprice = '$'\n```\n\nUse `$HOME` and $x^2$."
    assert answer_problems(answer) == []


def test_check_fails_with_each_problem_located(
    bank: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (bank / "corrections.toml").write_text(CORRECTION, encoding="utf-8")
    good = _question(bank, "good", key_points=("K-means groups points by similarity",),
                     answer="- K-means groups points by similarity.")  # fmt: skip
    bad = _question(
        bank,
        "bad",
        key_points=("Opposite problem", "Naive Bayes: supervised", "K-means is", "K-means is"),
        answer="- K-means\n-\n- cost $O(n\n\n> **Editor's note:** Naive Bayes is a supervised "
        "classifier, not a clustering method.",
    )
    assert main(["questions", "check"]) == 1
    err = capsys.readouterr().err
    assert str(good) not in err
    assert f"error: {bad}:10: key point 'Opposite problem' is a heading" in err
    assert f"error: {bad}:11: key point 'Naive Bayes: supervised' is contradicted" in err
    assert "key point 'K-means is' is a fragment" in err
    assert "answer: empty bullet" in err and "answer: inline maths" in err
    assert err.endswith("2 questions, 5 key points checked: 6 problems\n")


def test_score_prints_the_pages_score_as_json(
    bank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    points = ("K-means groups points by similarity", "Hierarchical clustering builds a tree")
    _question(bank, "clusters", key_points=points, answer="- K-means.\n- Hierarchical.")
    answer = tmp_path / "answer.txt"
    answer.write_text("K-means puts similar points in the same group.", encoding="utf-8")
    assert main(["questions", "score", "clusters", "--answer-file", str(answer), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    docs, _ = load_bank(bank)
    expected = coverage(points, answer.read_text(), idf=fit_idf(d.answer for d in docs),
                        prompt="What are the main clustering methods?")  # fmt: skip
    assert row == {"score": round(expected.score, 4), "covered": [points[0]], "missed": [points[1]]}
    assert 0.0 < row["score"] < 1.0


def test_score_names_an_unknown_question_or_unreadable_file(
    bank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _question(bank, "clusters", key_points=("K-means",), answer="- K-means.")
    answer = tmp_path / "answer.txt"
    answer.write_bytes(b"\xff\xfe not utf-8")
    assert main(["questions", "score", "nope", "--answer-file", str(answer)]) == 2
    assert "no question with id 'nope'" in capsys.readouterr().err
    assert main(["questions", "score", "clusters", "--answer-file", str(answer)]) == 2
    assert f"cannot read the answer file {answer}" in capsys.readouterr().err
