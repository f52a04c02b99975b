"""The statement's example: what "Run" checks."""

from graders.sqlkata import check_query

EMPLOYEES = [
    [1, "Ann", "eng", 90],
    [2, "Bob", "eng", 90],
    [3, "Cy", "eng", 80],
    [4, "Di", "eng", 70],
    [5, "Ed", "ops", 50],
]


def test_statement_example(solution):
    check_query(solution, {"employees": EMPLOYEES})
