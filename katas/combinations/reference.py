def combinations(n: int, k: int) -> list[list[int]]:
    """Return every ascending list of k distinct numbers from 1..n, in any order."""
    found: list[list[int]] = []
    chosen: list[int] = []

    def extend(smallest: int) -> None:
        if len(chosen) == k:
            found.append(chosen.copy())
            return
        # Stop early when too few numbers remain to fill the combination.
        for value in range(smallest, n - (k - len(chosen)) + 2):
            chosen.append(value)
            extend(value + 1)
            chosen.pop()

    extend(1)
    return found
