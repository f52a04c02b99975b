from collections import Counter
from itertools import chain, pairwise
from typing import Any

from graders.kit import check


def same_combinations(got: Any, expected: list[list[int]]) -> str | None:
    """The expected combinations, each an ascending list of ints, in any outer order.

    Checks each combination's shape first, so the message names the first bad one rather
    than only saying that the two collections differ.
    """
    if not isinstance(got, list):
        return f"expected a list of lists, got {type(got).__name__}"
    # Fast path with the same acceptance (C speed on 16 choose 8): lists of ints equal to the
    # expected ones (ascending and distinct), in the same order. The types are checked before
    # ==, which then cannot raise; anything else (another order, a float or numpy integer
    # equal to an int) gets the full check below.
    if (
        set(map(type, got)) <= {list}
        and set(map(type, chain.from_iterable(got))) <= {int}
        and got == expected
    ):
        return None
    for combination in got:
        if not isinstance(combination, list):
            return f"{combination!r} is a {type(combination).__name__}, not a list"
        if not all(type(value) is int for value in combination):
            return f"{combination!r} holds something other than ints"
        if any(left >= right for left, right in pairwise(combination)):
            return f"{combination!r} is not strictly ascending"
    counts = Counter(map(tuple, got))
    repeated = [list(c) for c, n in counts.items() if n > 1]
    if repeated:
        return f"{repeated[0]!r} appears more than once"
    wanted = set(map(tuple, expected))
    missing = [list(c) for c in wanted if c not in counts]
    if missing:
        return f"{len(missing)} missing, e.g. {min(missing)!r}"
    extra = [list(c) for c in counts if c not in wanted]
    if extra:
        return f"{len(extra)} unexpected, e.g. {min(extra)!r}"
    return None


def test_notes_example(solution):
    check(solution, (3, 2), [[1, 2], [1, 3], [2, 3]], compare=same_combinations)


def test_choose_nothing(solution):
    check(solution, (3, 0), [[]], compare=same_combinations)


def test_choose_too_many(solution):
    check(solution, (2, 3), [], compare=same_combinations)
