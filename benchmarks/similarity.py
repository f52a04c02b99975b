"""Similarity review on the fixture corpus: every pair's score, copies next to independent work.

The corpus (tests/hiring/similarity_corpus/) holds, per kata, an original solution, a renamed and
a reformatted copy of it, and solutions written independently; the targets are copies >= 0.9
and independent solutions <= 0.3.

    .venv/bin/python -m benchmarks.similarity
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from server.hiring.similarity import compare

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "hiring" / "similarity_corpus"
COPIES = {"original", "copy_renamed", "copy_reformatted"}


def main() -> None:
    lowest_copy, highest_own = 1.0, 0.0
    started = time.perf_counter()
    pairs = 0
    print(f"{'kata':<16} {'a':<20} {'b':<20} {'kind':<12} similarity")
    for folder in sorted(path for path in CORPUS.iterdir() if path.is_dir()):
        files = {path.stem: path.read_text() for path in folder.glob("*.py")}
        boilerplate = [files.pop("starter"), files.pop("reference")]
        for a, b in itertools.combinations(sorted(files), 2):
            copy = {a, b} <= COPIES
            score = compare(files[a], files[b], boilerplate=boilerplate).similarity
            pairs += 1
            if copy:
                lowest_copy = min(lowest_copy, score)
            else:
                highest_own = max(highest_own, score)
            kind = "copy" if copy else "independent"
            print(f"{folder.name:<16} {a:<20} {b:<20} {kind:<12} {score:.2f}")
    elapsed = (time.perf_counter() - started) * 1000
    print(f"\nlowest copy: {lowest_copy:.2f} (target >= 0.9)")
    print(f"highest independent: {highest_own:.2f} (target <= 0.3)")
    print(f"{pairs} pairs in {elapsed:.0f} ms")


if __name__ == "__main__":
    main()
