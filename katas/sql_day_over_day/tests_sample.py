"""The statement's example: what "Run" checks."""

from graders.sqlkata import check_query


def test_statement_example(solution):
    check_query(solution, {"daily_revenue": [[1, 100], [2, 130], [5, 90]]})
