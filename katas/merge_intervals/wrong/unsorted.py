# expect: failed
# Merges neighbours in the order given, without sorting first.
def merge_intervals(intervals):
    merged = []
    for start, end in intervals:
        if merged and merged[-1][0] <= start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
