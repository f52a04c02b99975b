def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping closed intervals; return them sorted by start."""
    stack: list[list[int]] = []
    for lo, hi in sorted(intervals):
        if not stack or stack[-1][1] < lo:
            stack.append([lo, hi])
            continue
        top = stack[-1]
        top[1] = max(top[1], hi)
    return [tuple(pair) for pair in stack]  # type: ignore[misc]
