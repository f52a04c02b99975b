def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    """A sweep over start (+1) and end (-1) events; starts before ends at the same point,
    so touching intervals join."""
    events = sorted([(a, 0) for a, _ in intervals] + [(b, 1) for _, b in intervals])
    merged: list[list[int]] = []
    depth = 0
    for point, kind in events:
        if kind == 0:
            if depth == 0:
                if merged and merged[-1][1] == point:
                    depth += 1
                    continue
                merged.append([point, point])
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                merged[-1][1] = point
    return merged
