"""The statement's example: what "Run" checks."""

from graders.sqlkata import check_query

TRANSACTIONS = [[1, "a", 1, 100], [2, "b", 1, 50], [3, "a", 2, -30], [4, "a", 2, 10]]


def test_statement_example(solution):
    check_query(solution, {"transactions": TRANSACTIONS})
