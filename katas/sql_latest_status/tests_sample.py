"""The statement's example: what "Run" checks."""

from graders.sqlkata import check_query

UPDATES = [[1, 7, "active", 100], [2, 7, "paused", 200], [3, 8, "active", 150], [4, 7, "trial", 50]]


def test_statement_example(solution):
    check_query(solution, {"status_updates": UPDATES})
