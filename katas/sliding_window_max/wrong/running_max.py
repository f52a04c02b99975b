# expect: failed
# Remembers the largest value seen so far and never lets it leave the window.
def sliding_window_max(nums, k):
    best = None
    out = []
    for i, value in enumerate(nums):
        best = value if best is None else max(best, value)
        if i >= k - 1:
            out.append(best)
    return out
