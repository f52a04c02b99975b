from typing import Any

from graders.kit import check, same_items


def same_ints(got: Any, expected: list[int]) -> str | None:
    """The expected values, each once, in any order, and each an int (3.0 is not 3)."""
    if isinstance(got, list | tuple):
        odd = [value for value in got if type(value) is not int]
        if odd:
            return f"{odd[0]!r} is a {type(odd[0]).__name__}, not an int"
    return same_items(got, expected)


def test_notes_example(solution):
    check(solution, ([1, 2, 3, 1, 3, 6, 5],), [1, 3], compare=same_ints)


def test_no_duplicates(solution):
    check(solution, ([4, 5, 6],), [], compare=same_ints)


def test_empty(solution):
    check(solution, ([],), [], compare=same_ints)
