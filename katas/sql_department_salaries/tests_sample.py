"""The statement's example: what "Run" checks."""

from graders.sqlkata import check_query

EMPLOYEES = [
    [1, "Ann", "eng", 60000],
    [2, "Bob", "eng", 45000],
    [3, "Cy", "eng", None],
    [4, "Di", "ops", 90000],
    [5, "Ed", "law", 51000],
    [6, "Flo", "law", 50000],
]


def test_statement_example(solution):
    check_query(solution, {"employees": EMPLOYEES})
