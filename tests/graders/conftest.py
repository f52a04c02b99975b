"""Fixtures for the grading engine's tests: the real katas, and one with tight limits.

Every grading here goes through the real sandbox (bubblewrap, namespaces, own uid).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from graders import Kata, Limits, load_kata

KATAS_DIR = Path(__file__).resolve().parents[2] / "katas"
HOSTILE_DIR = Path(__file__).resolve().parent / "hostile"
# Tight enough that spinning, sleeping and printing end quickly, loose enough for a loaded CI.
SHORT_LIMITS = Limits(wall_seconds=6, cpu_seconds=1, memory_mb=256, output_kb=8)


@pytest.fixture(scope="session")
def intersection() -> Kata:
    return load_kata(KATAS_DIR, "intersection")


@pytest.fixture(scope="session")
def short_kata(intersection: Kata) -> Kata:
    """The intersection kata with SHORT_LIMITS."""
    return dataclasses.replace(intersection, limits=SHORT_LIMITS)


@pytest.fixture
def with_sample_tests(tmp_path: Path, intersection: Kata) -> Callable[[str], Kata]:
    """The intersection kata copied to tmp_path, its `tests_sample.py` replaced by `text`."""

    def make(text: str) -> Kata:
        folder = tmp_path / "intersection"
        folder.mkdir()
        for path in intersection.path.glob("*.*"):
            (folder / path.name).write_bytes(path.read_bytes())
        (folder / "tests_sample.py").write_text(text)
        return dataclasses.replace(intersection, path=folder)

    return make
