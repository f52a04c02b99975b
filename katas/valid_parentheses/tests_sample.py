"""The examples from the statement: what "Run" checks."""

import pytest

from graders.kit import check

EXAMPLES = [
    ("()[]{}", True),
    ("{[()]}", True),
    ("([)]", False),
    ("((", False),
    (")(", False),
    ("", True),
]


@pytest.mark.parametrize(("s", "expected"), EXAMPLES)
def test_statement_examples(solution, s, expected):
    check(solution, (s,), expected)
