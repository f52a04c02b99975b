"""The examples from the statement: what "Run" checks."""

import math

from graders.kit import check


def three_floats(got, expected):
    """A tuple (precision, recall, f1) of floats, each within an absolute 1e-12."""
    if not isinstance(got, tuple) or len(got) != 3:
        return "expected a tuple of three floats"
    if not all(isinstance(value, float) for value in got):
        return "expected floats"
    names = ("precision", "recall", "f1")
    for name, value, wanted in zip(names, got, expected, strict=True):
        if not math.isclose(value, wanted, rel_tol=0.0, abs_tol=1e-12):
            return f"wrong {name}"
    return None


def test_statement_example(solution):
    check(solution, ([1, 0, 1, 1], [1, 1, 0, 1]), (2 / 3, 2 / 3, 2 / 3), compare=three_floats)


def test_precise_but_incomplete(solution):
    check(solution, ([1, 1, 0], [1, 0, 0]), (1.0, 0.5, 2 / 3), compare=three_floats)


def test_no_positives_anywhere(solution):
    check(solution, ([0, 0], [0, 0]), (0.0, 0.0, 0.0), compare=three_floats)
