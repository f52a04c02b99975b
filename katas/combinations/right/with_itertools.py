import itertools


def combinations(n: int, k: int) -> list[list[int]]:
    """itertools yields ascending tuples in lexicographic order; turn each into a list."""
    return [list(c) for c in itertools.combinations(range(1, n + 1), k)]
