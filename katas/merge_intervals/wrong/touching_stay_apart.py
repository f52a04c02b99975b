# expect: failed
# Strict < : intervals that only touch ([1, 4] and [4, 5]) are not merged.
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
