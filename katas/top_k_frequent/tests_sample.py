"""The examples from the statement: what "Run" checks."""

import pytest

from graders.kit import check


@pytest.mark.parametrize(
    ("nums", "k", "expected"),
    [
        ([1, 1, 1, 2, 2, 3], 2, [1, 2]),
        ([4, 4, 2, 2, 7], 2, [2, 4]),
        ([5, 3, 5, 3, 9], 3, [3, 5, 9]),
        ([8], 0, []),
    ],
)
def test_statement_examples(solution, nums, k, expected):
    check(solution, (nums, k), expected)
