"""Golden reports: one folder per edge case, its submission and the exact JSON it must get.

The kata is intersection with the short limits (see conftest.py), graded with its hidden
tests; `duration_ms` is set to 0 before comparing. To accept a deliberate change, run
`KATABANK_UPDATE_GOLDEN=1 pytest tests/graders/test_golden.py` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from graders import Kata, grade

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(path for path in GOLDEN.iterdir() if path.is_dir())


def _normalised(report: dict[str, Any]) -> dict[str, Any]:
    return {**report, "duration_ms": 0}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_report_matches_golden(short_kata: Kata, case: Path) -> None:
    report = _normalised(grade(short_kata, (case / "submission.py").read_bytes()).to_json())
    expected_path = case / "expected.json"
    if os.environ.get("KATABANK_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    assert report == json.loads(expected_path.read_text(encoding="utf-8"))
    assert report["verdict"].split("_")[0] == case.name.split("_")[0]
