def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    """Sort by start alone, keep (start, end) tuples, build a new list."""
    ordered = sorted(intervals, key=lambda pair: pair[0])
    result: list[tuple[int, int]] = []
    for start, end in ordered:
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return [list(pair) for pair in result]
