from functools import cache


@cache
def _choose(n: int, k: int) -> tuple[tuple[int, ...], ...]:
    # Either n is left out (choose k from 1..n-1) or it ends the combination.
    if k == 0:
        return ((),)
    if k > n:
        return ()
    return _choose(n - 1, k) + tuple((*c, n) for c in _choose(n - 1, k - 1))


def combinations(n: int, k: int) -> list[list[int]]:
    """Pascal's rule, C(n, k) = C(n-1, k) + C(n-1, k-1), as a memoised recursion."""
    return [list(c) for c in _choose(n, k)]
