# expect: failed
# Takes the new interval's end instead of the larger one: [1, 10] and [2, 3] give [1, 3].
def merge_intervals(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return merged
