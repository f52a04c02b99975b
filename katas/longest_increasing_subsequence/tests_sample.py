"""The examples from the statement: what "Run" checks."""

import pytest

from graders.kit import check


@pytest.mark.parametrize(
    ("nums", "length"),
    [([10, 9, 2, 5, 3, 7, 101, 18], 4), ([0, 1, 0, 3, 2, 3], 4), ([7, 7, 7], 1), ([], 0)],
)
def test_statement_examples(solution, nums, length):
    check(solution, (nums,), length)
