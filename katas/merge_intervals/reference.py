def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    """Merge intervals that overlap or touch; the result sorted by start."""
    merged: list[list[int]] = []
    for start, end in sorted((a, b) for a, b in intervals):
        if merged and start <= merged[-1][1]:
            # max, not end: the new interval may lie wholly inside the last merged one.
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
