# expect: failed
# Sorts (count, value) pairs in reverse: ties come out largest value first.
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    return [v for c, v in sorted(((c, v) for v, c in counts.items()), reverse=True)[:k]]
