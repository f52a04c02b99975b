# expect: timeout
# Merges any overlapping pair and starts over until none is left: O(n^2) passes or worse.
def merge_intervals(intervals):
    pool = [list(pair) for pair in intervals]
    changed = True
    while changed:
        changed = False
        for i in range(len(pool)):
            for j in range(i + 1, len(pool)):
                a, b = pool[i], pool[j]
                if a[0] <= b[1] and b[0] <= a[1]:
                    pool[i] = [min(a[0], b[0]), max(a[1], b[1])]
                    del pool[j]
                    changed = True
                    break
            if changed:
                break
    return sorted(pool)
