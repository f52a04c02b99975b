# My solution: sort first, then sweep.
def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping closed intervals; return them sorted by start."""
    if not intervals:
        return []
    by_left = sorted(intervals, key=lambda iv: iv[0])  # sort by left end
    out = []
    lo, hi = by_left[0]
    for a, b in by_left[1:]:
        # a gap: close the current block
        if a > hi:
            out.append((lo, hi))
            lo, hi = a, b
        elif b > hi:
            hi = b  # extend
    out.append((lo, hi))
    return out
