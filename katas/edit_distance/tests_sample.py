"""The examples from the statement: what "Run" checks."""

import pytest

from graders.kit import check


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("kitten", "sitting", 3), ("flaw", "lawn", 2), ("", "abc", 3), ("same", "same", 0)],
)
def test_statement_examples(solution, a, b, distance):
    check(solution, (a, b), distance)
