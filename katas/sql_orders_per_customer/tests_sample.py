"""The statement's example: what "Run" checks."""

from graders.sqlkata import check_query

CUSTOMERS = [[1, "Ann"], [2, "Bob"], [3, "Cy"]]
ORDERS = [[10, 1, 5], [11, 1, 7], [12, 3, 2], [13, None, 4]]


def test_statement_example(solution):
    check_query(solution, {"customers": CUSTOMERS, "orders": ORDERS})
