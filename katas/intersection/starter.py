def intersection(xs: list[int], ys: list[int]) -> list[int]:
    """Return the values present in both xs and ys, each once, in any order."""
    raise NotImplementedError
