import sys
from functools import cache


def edit_distance(a: str, b: str) -> int:
    """Top-down recursion on suffixes, memoised; the recursion depth is at most |a| + |b|."""
    sys.setrecursionlimit(max(10_000, 3 * (len(a) + len(b))))

    @cache
    def distance(i: int, j: int) -> int:
        if i == len(a) or j == len(b):
            return (len(a) - i) + (len(b) - j)
        if a[i] == b[j]:
            return distance(i + 1, j + 1)
        return 1 + min(distance(i + 1, j), distance(i, j + 1), distance(i + 1, j + 1))

    return distance(0, 0)
