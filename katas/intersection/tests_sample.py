"""The examples from the statement: what "Run" checks."""

from typing import Any

from graders.kit import check, same_items


def same_ints(got: Any, expected: list[int]) -> str | None:
    """same_items, with no float or bool standing in for an int (a set finds 9.0 equal to 9)."""
    problem = same_items(got, expected)
    if problem is None and any(type(value) is not int for value in got):
        kinds = sorted({type(value).__name__ for value in got} - {"int"})
        return f"expected a list of ints, got {', '.join(kinds)} values"
    return problem


def test_notes_example(solution):
    check(solution, ([1, 5, 9, 0], [3, 0, 2, 9]), [9, 0], compare=same_ints)


def test_repeated_values_appear_once(solution):
    check(solution, ([1, 0, 9, 9], [3, 0, 9, 9]), [0, 9], compare=same_ints)


def test_empty_list(solution):
    check(solution, ([], [1, 2]), [], compare=same_ints)
