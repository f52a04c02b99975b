"""Answer mode: how well key-point scores order typed answers, ours next to the old scoring.

benchmarks/data/answers.toml holds, for 32 bank questions across all five notes, a strong,
a partial, a vague and a wrong typed answer. A scoring orders a question well when
strong > partial > vague and partial > wrong (five pairs per question; a tie counts as a
miss). Prints pairwise accuracy, the share of questions where strong > vague, and the mean
score of each label, for:

  old        the scoring and key points of commit BASE (before key points became claims)
  old+new    the old matching on today's key points (what the cleaner key points alone give)
  new        today's scoring on today's key points (what the answer page and
             `katabank questions score` use)

The old code and key points are read from git history (`git show BASE:...`), so this needs
the repository's history; `--new-only` skips them.

    .venv/bin/python -m benchmarks.answers [--new-only] [--per-question]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
import types
from collections.abc import Callable, Mapping
from pathlib import Path

from server.bank.files import QuestionDoc, load_bank, parse_question
from server.config import PROJECT_ROOT, Settings
from server.keypoints import coverage, fit_idf

__all__ = [
    "DATA",
    "LABELS",
    "ORDERED_PAIRS",
    "Scorer",
    "labelled_answers",
    "new_scorer",
    "pairwise_accuracy",
    "strong_beats_vague",
]

BASE = "4b669606a6a924a912bfe4c6d6594ce7a23a0ff2"
DATA = Path(__file__).resolve().parent / "data" / "answers.toml"
LABELS = ("strong", "partial", "vague", "wrong")
# (better, worse): vague and wrong are both failures, so neither has to beat the other.
ORDERED_PAIRS = (
    ("strong", "partial"),
    ("strong", "vague"),
    ("strong", "wrong"),
    ("partial", "vague"),
    ("partial", "wrong"),
)

Scorer = Callable[[str, str], float]  # (question id, typed answer) -> score in [0, 1]


def labelled_answers(path: Path = DATA) -> dict[str, dict[str, str]]:
    """Question id -> label -> typed answer."""
    with path.open("rb") as file:
        data = tomllib.load(file)
    return {entry["id"]: {label: entry[label] for label in LABELS} for entry in data["question"]}


def new_scorer(docs: Mapping[str, QuestionDoc]) -> Scorer:
    """Today's scoring, called exactly as the answer page calls it."""
    idf = fit_idf(doc.answer for doc in docs.values())

    def score(question_id: str, answer: str) -> float:
        doc = docs[question_id]
        return coverage(doc.key_points, answer, idf=idf, prompt=doc.prompt).score

    return score


def pairwise_accuracy(scores: Mapping[str, Mapping[str, float]]) -> float:
    """Share of ordered pairs (over all questions) whose scores put the better answer first."""
    pairs = [s[better] > s[worse] for s in scores.values() for better, worse in ORDERED_PAIRS]
    return sum(pairs) / len(pairs)


def strong_beats_vague(scores: Mapping[str, Mapping[str, float]]) -> float:
    """Share of questions whose strong answer scores above their vague one."""
    return sum(s["strong"] > s["vague"] for s in scores.values()) / len(scores)


def _score_all(
    answers: Mapping[str, Mapping[str, str]], scorer: Scorer
) -> dict[str, dict[str, float]]:
    return {
        qid: {label: scorer(qid, text) for label, text in by.items()} for qid, by in answers.items()
    }


def _git_show(path: str) -> str:
    return subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "show", f"{BASE}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _old_module() -> types.ModuleType:
    """server/keypoints.py as it was at BASE, loaded under another name."""
    module = types.ModuleType("old_keypoints")
    sys.modules[module.__name__] = module  # dataclasses look their module up there
    exec(compile(_git_show("server/keypoints.py"), "old_keypoints.py", "exec"), module.__dict__)
    return module


def _old_key_points(docs: Mapping[str, QuestionDoc], ids: list[str]) -> dict[str, tuple[str, ...]]:
    return {
        qid: parse_question(
            _git_show(f"questions/{docs[qid].path.name}"), path=docs[qid].path
        ).key_points
        for qid in ids
    }


def _old_scorer(
    docs: Mapping[str, QuestionDoc], key_points: Mapping[str, tuple[str, ...]]
) -> Scorer:
    old = _old_module()
    idf = old.fit_idf(doc.answer for doc in docs.values())

    def score(question_id: str, answer: str) -> float:
        return float(old.coverage(key_points[question_id], answer, idf=idf).score)

    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new-only", action="store_true", help="Skip the old scoring (no git).")
    parser.add_argument("--per-question", action="store_true", help="Print every score.")
    args = parser.parse_args(argv)
    loaded, errors = load_bank(Settings().questions_dir)
    if errors:
        print(f"{len(errors)} question files do not load; run `katabank questions list`.")
        return 1
    docs = {doc.id: doc for doc in loaded}
    answers = labelled_answers()
    ids = sorted(answers)
    scorers: dict[str, Scorer] = {"new": new_scorer(docs)}
    if not args.new_only:
        today = {qid: docs[qid].key_points for qid in ids}
        scorers = {
            "old": _old_scorer(docs, _old_key_points(docs, ids)),
            "old+new": _old_scorer(docs, today),
            **scorers,
        }
    print(f"{len(ids)} questions, {len(ids) * len(ORDERED_PAIRS)} ordered pairs")
    means = "".join(f"{'mean ' + label:>14}" for label in LABELS)
    print(f"{'scoring':<10}{'pairwise':>10}{'strong>vague':>14}{means}")
    for name, scorer in scorers.items():
        scores = _score_all(answers, scorer)
        means = "".join(
            f"{sum(s[label] for s in scores.values()) / len(scores):>14.2f}" for label in LABELS
        )
        print(
            f"{name:<10}{pairwise_accuracy(scores):>10.1%}{strong_beats_vague(scores):>14.1%}{means}"
        )
        if args.per_question:
            for qid in ids:
                row = "  ".join(f"{label[0]}={scores[qid][label]:.2f}" for label in LABELS)
                print(f"    {row}  {qid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
