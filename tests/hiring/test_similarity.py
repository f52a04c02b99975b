"""Similarity review on a corpus of real-sized kata solutions: copies stand out, own work does not.

tests/hiring/similarity_corpus/<kata>/ holds the kata's starter and reference (boilerplate), an
`original` solution, copies of it (`copy_renamed`: names and comments changed; `copy_reformatted`:
line breaks, parentheses and trailing commas changed) and solutions written independently.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graders import Kata, load_kata
from server.attempts.models import AttemptItem, ItemKind
from server.config import PROJECT_ROOT
from server.hiring.similarity import MIN_FINGERPRINTS, compare, fingerprint
from server.hiring.similarity_runs import _fingerprint

KATAS_DIR = PROJECT_ROOT / "katas"

CORPUS = Path(__file__).parent / "similarity_corpus"
KATAS = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())


def _solutions(kata: str) -> tuple[list[str], dict[str, str]]:
    files = {path.stem: path.read_text() for path in (CORPUS / kata).glob("*.py")}
    boilerplate = [files.pop("starter"), files.pop("reference")]
    return boilerplate, files


def _pairs(kata: str, *, copies: bool) -> list[tuple[str, str]]:
    _, solutions = _solutions(kata)
    family = {"original", "copy_renamed", "copy_reformatted"}
    return [
        (a, b)
        for a, b in itertools.combinations(sorted(solutions), 2)
        if ({a, b} <= family) == copies
    ]


def test_the_corpus_has_copies_and_independent_work() -> None:
    assert len(KATAS) >= 3
    for kata in KATAS:
        assert len(_pairs(kata, copies=True)) == 3
        assert len(_pairs(kata, copies=False)) >= 5


@pytest.mark.parametrize("kata", KATAS)
def test_renamed_and_reformatted_copies_score_at_least_0_9(kata: str) -> None:
    boilerplate, solutions = _solutions(kata)
    for a, b in _pairs(kata, copies=True):
        result = compare(solutions[a], solutions[b], boilerplate=boilerplate)
        assert result.comparable, (a, b)
        assert result.similarity >= 0.9, (a, b, result.similarity)


@pytest.mark.parametrize("kata", KATAS)
def test_independent_solutions_score_at_most_0_3(kata: str) -> None:
    boilerplate, solutions = _solutions(kata)
    for a, b in _pairs(kata, copies=False):
        result = compare(solutions[a], solutions[b], boilerplate=boilerplate)
        assert result.similarity <= 0.3, (a, b, result.similarity)


def test_boilerplate_is_not_copying() -> None:
    boilerplate, _ = _solutions("merge_intervals")
    reference = boilerplate[1]
    without = compare(reference, reference)
    assert without.similarity == 1.0 and without.comparable
    with_it = compare(reference, reference, boilerplate=boilerplate)
    assert with_it.similarity == 0.0
    assert not with_it.comparable


def test_short_solutions_are_too_short_to_judge() -> None:
    short = "def f(xs):\n    return sorted(set(xs))\n"
    assert not compare(short, short.replace("xs", "values")).comparable
    assert len(fingerprint(short)) < MIN_FINGERPRINTS


def test_matching_regions_cover_the_copied_code_in_each_source() -> None:
    boilerplate, solutions = _solutions("top_k_frequent")
    a, b = solutions["original"], solutions["copy_renamed"]
    result = compare(a, b, boilerplate=boilerplate)
    assert result.spans_a and result.spans_b
    highlighted_a = "".join(a[span.start : span.end] for span in result.spans_a)
    highlighted_b = "".join(b[span.start : span.end] for span in result.spans_b)
    assert "heapq.heappush(heap, (-count, word))" in highlighted_a
    assert "heapq.heappush(pq, (-n, token))" in highlighted_b
    for spans in (result.spans_a, result.spans_b):
        assert all(x.end < y.start for x, y in itertools.pairwise(spans))


def test_partial_copy_scores_between() -> None:
    boilerplate, solutions = _solutions("kmeans_step")
    original = solutions["original"]
    own_ending = solutions["independent_loops"].split("    labels = np.empty")[1]
    half = original.split("    labels = np.argmin")[0] + "    labels = np.empty" + own_ending
    result = compare(original, half, boilerplate=boilerplate)
    assert 0.2 < result.share_a < 0.8


def test_code_that_does_not_parse_is_compared_up_to_the_error() -> None:
    _, solutions = _solutions("merge_intervals")
    broken = solutions["original"] + "\n    return (unclosed\n"
    assert compare(solutions["original"], broken).similarity == 1.0
    assert compare("", "").similarity == 0.0


@given(st.text(max_size=300))
def test_any_text_is_compared_without_error(text: str) -> None:
    result = compare(text, text)
    assert 0.0 <= result.similarity <= 1.0
    for span in result.spans_a:
        assert 0 <= span.start <= span.end <= len(text)


def test_an_answer_is_stripped_of_the_kata_version_its_attempt_froze(tmp_path: Path) -> None:
    """The author changed the starter after the assessment began: the answers still hold the
    starter they were given, so that is the one discounted."""
    given_starter = (
        "def intersection(xs, ys):\n"
        "    # Keep each value once, in the order of xs, if ys has it too.\n"
        "    seen = set()\n    kept = []\n    wanted = set(ys)\n"
        "    for value in xs:\n        if value in wanted and value not in seen:\n"
        "            seen.add(value)\n            kept.append(value)\n    return kept\n"
    )
    frozen, live = (
        _intersection_with_starter(tmp_path / name, starter)
        for name, starter in (
            ("frozen", given_starter),
            ("live", "def intersection(xs, ys):\n    pass\n"),
        )
    )
    answer = given_starter + "\n\ndef helper(values):\n    return sorted(set(values))\n"
    item = AttemptItem(
        attempt_id=1,
        position=0,
        kind=ItemKind.kata,
        kata_id="intersection",
        kata_version_id=7,
        answer=answer,
    )
    printed = _fingerprint(item, {"intersection": live}, {7: frozen}.get)
    expected = fingerprint(answer).without(
        [fingerprint(frozen.starter), fingerprint(frozen.reference)]
    )
    assert printed.rows() == expected.rows()
    assert len(printed) < len(fingerprint(answer).without([fingerprint(live.starter)]))


def _intersection_with_starter(folder: Path, starter: str) -> Kata:
    shutil.copytree(KATAS_DIR / "intersection", folder / "intersection")
    (folder / "intersection" / "starter.py").write_text(starter, encoding="utf-8")
    return load_kata(folder, "intersection")
