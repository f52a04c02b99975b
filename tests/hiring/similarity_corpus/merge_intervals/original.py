def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping closed intervals; return them sorted by start."""
    if not intervals:
        return []
    ordered = sorted(intervals, key=lambda pair: pair[0])
    result = []
    current_start, current_end = ordered[0]
    for start, end in ordered[1:]:
        if start > current_end:
            result.append((current_start, current_end))
            current_start, current_end = start, end
        elif end > current_end:
            current_end = end
    result.append((current_start, current_end))
    return result
