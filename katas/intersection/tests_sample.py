"""The examples from the statement: what "Run" checks."""

from graders.kit import check, same_items


def test_notes_example(solution):
    check(solution, ([1, 5, 9, 0], [3, 0, 2, 9]), [9, 0], compare=same_items)


def test_repeated_values_appear_once(solution):
    check(solution, ([1, 0, 9, 9], [3, 0, 9, 9]), [0, 9], compare=same_items)


def test_empty_list(solution):
    check(solution, ([], [1, 2]), [], compare=same_items)
