"""The statement's example: what "Run" checks."""

from graders.sqlkata import check_query

VISITS = [[1, "ads"], [2, "ads"], [3, "ads"], [4, "mail"]]
PURCHASES = [[10, 1, 5], [11, 1, 8], [12, 4, 3]]


def test_statement_example(solution):
    check_query(solution, {"visits": VISITS, "purchases": PURCHASES})
