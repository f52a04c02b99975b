"""Exercise folders in the exercism/python layout, written for these tests (none is Exercism's).

`write_exercise(root, slug, ...)` lays one out: .docs/instructions.md, .meta/config.json,
.meta/example.py, the stub and its unittest file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["EXERCISES", "write_exercise"]


def write_exercise(
    root: Path,
    slug: str,
    *,
    stub: str,
    example: str,
    tests: str,
    solution_files: list[str] | None = None,
    extra: dict[str, str] | None = None,
) -> Path:
    """The folder root/slug, laid out like an exercism/python practice exercise."""
    module = slug.replace("-", "_")
    folder = root / slug
    (folder / ".docs").mkdir(parents=True)
    (folder / ".meta").mkdir()
    (folder / ".docs" / "instructions.md").write_text(
        f"# Instructions\n\nSolve {slug}.\n\n## Details\n\n```python\n# not a heading\n```\n"
    )
    config = {
        "authors": ["tester"],
        "files": {
            "solution": solution_files or [f"{module}.py"],
            "test": [f"{module}_test.py"],
            "example": [".meta/example.py"],
        },
        "blurb": f"A small exercise called {slug}.",
        "source": "written for katabank's tests",
    }
    (folder / ".meta" / "config.json").write_text(json.dumps(config))
    (folder / ".meta" / "example.py").write_text(example)
    (folder / f"{module}.py").write_text(stub)
    (folder / f"{module}_test.py").write_text(tests)
    for name, text in (extra or {}).items():
        (folder / name).write_text(text)
    return folder


SHARE_OUT: dict[str, Any] = {
    "stub": "def share_out(name):\n    pass\n",
    "example": 'def share_out(name="you"):\n    return f"One for {name}, one for me."\n',
    "tests": """import unittest

from share_out import (
    share_out,
)


class ShareOutTest(unittest.TestCase):
    def test_no_name(self):
        self.assertEqual(share_out(), "One for you, one for me.")

    def test_a_name(self):
        self.assertEqual(share_out("Ada"), "One for Ada, one for me.")

    def test_another_name(self):
        self.assertEqual(share_out("Bo"), "One for Bo, one for me.")

    def test_empty_name(self):
        self.assertEqual(share_out(""), "One for , one for me.")

    def test_long_name(self):
        self.assertEqual(share_out("Ada Lovelace"), "One for Ada Lovelace, one for me.")

    def test_unicode_name(self):
        self.assertEqual(share_out("Zoë"), "One for Zoë, one for me.")
""",
}

CURRENCY_SWAP: dict[str, Any] = {
    "stub": "def exchange_money(budget, rate):\n    pass\n\n\ndef get_change(budget, spent):\n"
    "    pass\n",
    "example": """def exchange_money(budget, rate):
    if rate <= 0:
        raise ValueError("rate must be positive")
    return budget / rate


def get_change(budget, spent):
    return budget - spent
""",
    "tests": """import unittest

from currency_swap import exchange_money, get_change


class CurrencySwapTest(unittest.TestCase):
    def test_exchange(self):
        self.assertAlmostEqual(exchange_money(100000, 0.8), 125000)

    def test_change(self):
        self.assertEqual(get_change(463000, 5000), 458000)

    def test_bad_rate(self):
        with self.assertRaises(ValueError) as err:
            exchange_money(10, 0)
        self.assertEqual(type(err.exception), ValueError)
        self.assertEqual(err.exception.args[0], "rate must be positive")

    def test_change_of_nothing(self):
        self.assertEqual(get_change(10, 10), 0)
""",
}

TALLY_COUNTER: dict[str, Any] = {
    "stub": "class CounterError(Exception):\n    pass\n\n\nclass TallyCounter:\n    pass\n",
    "example": '''class CounterError(Exception):
    """Counting backwards."""


class TooMuch(ValueError):
    """Not in the tests: they expect a ValueError."""


class TallyCounter:
    def __init__(self, start=0):
        self.count = start

    def add(self, amount=1):
        if amount < 0:
            raise CounterError("cannot add a negative amount")
        if amount > 100:
            raise TooMuch("at most 100 at once")
        self.count += amount

    def total(self):
        return self.count
''',
    "tests": """import unittest

from tally_counter import CounterError, TallyCounter


class TallyCounterTest(unittest.TestCase):
    def test_starts_at_zero(self):
        self.assertEqual(TallyCounter().total(), 0)

    def test_adds(self):
        counter = TallyCounter()
        counter.add()
        counter.add(4)
        self.assertEqual(counter.total(), 5)

    def test_counters_are_separate(self):
        first, second = TallyCounter(3), TallyCounter()
        first.add(2)
        self.assertEqual((first.total(), second.total()), (5, 0))

    def test_negative_amount(self):
        counter = TallyCounter()
        with self.assertRaises(CounterError) as err:
            counter.add(-1)
        self.assertEqual(err.exception.args[0], "cannot add a negative amount")

    def test_too_much_at_once(self):
        with self.assertRaises(ValueError):
            TallyCounter().add(101)
""",
}

ASK_NAME: dict[str, Any] = {
    "stub": "def greet():\n    pass\n",
    "example": 'def greet():\n    return "Hello, " + input()\n',
    "tests": "import unittest\n\nfrom ask_name import greet\n\n\nclass T(unittest.TestCase):\n"
    "    def test_greet(self):\n        self.assertTrue(greet)\n",
}

BROKEN_SUM: dict[str, Any] = {
    "stub": "def add(a, b):\n    pass\n",
    "example": "def add(a, b):\n    return a - b\n",
    "tests": "import unittest\n\nfrom broken_sum import add\n\n\n"
    "class AddTest(unittest.TestCase):\n"
    "    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n\n"
    "    def test_zero(self):\n        self.assertEqual(add(0, 0), 0)\n",
}

EXERCISES: dict[str, dict[str, Any]] = {
    "share-out": SHARE_OUT,
    "currency-swap": CURRENCY_SWAP,
    "tally-counter": TALLY_COUNTER,
    "ask-name": ASK_NAME,
    "broken-sum": BROKEN_SUM,
}
