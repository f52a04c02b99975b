"""The examples from the statement: what "Run" checks."""

import pytest

from graders.kit import check


@pytest.mark.parametrize(
    ("weights", "days", "capacity"),
    [([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, 15), ([3, 2, 2, 4, 1, 4], 3, 6), ([1, 2, 3, 1, 1], 4, 3)],
)
def test_statement_examples(solution, weights, days, capacity):
    check(solution, (weights, days), capacity)
