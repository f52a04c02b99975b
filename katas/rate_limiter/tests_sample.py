"""The examples from the statement: what "Run" checks."""

from reference import RateLimiter as Reference

from graders.kit import check_calls


def requests(*times):
    return [("allow", (t,)) for t in times]


def test_statement_example(solution):
    check_calls(solution, Reference, (2, 10), requests(1, 5, 9, 11, 12, 15))


def test_the_window_slides(solution):
    check_calls(solution, Reference, (2, 10), requests(8, 9, 10, 18))
