def combinations(n: int, k: int) -> list[list[int]]:
    """Return every ascending list of k distinct numbers from 1..n, in any order."""
    raise NotImplementedError
