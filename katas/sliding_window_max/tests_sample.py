"""The examples from the statement: what "Run" checks."""

from graders.kit import check


def test_statement_example(solution):
    check(solution, ([1, 3, -1, -3, 5, 3, 6, 7], 3), [3, 3, 5, 5, 6, 7])


def test_window_of_one(solution):
    check(solution, ([4, 2], 1), [4, 2])


def test_window_is_everything(solution):
    check(solution, ([4, 2], 2), [4])
