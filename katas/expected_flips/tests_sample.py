"""The examples from the statement: what "Run" checks."""

from fractions import Fraction

import pytest

from graders.kit import check, exact_fraction


@pytest.mark.parametrize(
    ("run", "p", "expected"),
    [
        (1, Fraction(1, 2), Fraction(2)),
        (2, Fraction(1, 2), Fraction(6)),
        (2, Fraction(1, 3), Fraction(12)),
        (3, Fraction(1), Fraction(3)),
    ],
)
def test_statement_examples(solution, run, p, expected):
    check(solution, (run, p), expected, compare=exact_fraction)
