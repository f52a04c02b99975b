def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping closed intervals; return them sorted by start."""
    events = []
    for s, e in intervals:
        events.append((s, 0))
        events.append((e, 1))
    events.sort()
    depth = 0
    answer = []
    opened_at = None
    for point, kind in events:
        if kind == 0:
            if depth == 0:
                opened_at = point
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                answer.append((opened_at, point))
    return answer
