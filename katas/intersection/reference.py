"""The oracle: values of xs that are also in ys, each once, in order of first appearance."""


def intersection(xs: list[int], ys: list[int]) -> list[int]:
    """Return the values present in both xs and ys, each once, ordered as they first occur in xs."""
    wanted = set(ys)
    seen: set[int] = set()
    result = []
    for x in xs:
        if x in wanted and x not in seen:
            seen.add(x)
            result.append(x)
    return result
