# expect: failed
# Evicts the front one position late: a window of k + 1 values.
from collections import deque


def sliding_window_max(nums, k):
    candidates = deque()
    out = []
    for i, value in enumerate(nums):
        while candidates and nums[candidates[-1]] <= value:
            candidates.pop()
        candidates.append(i)
        if candidates[0] < i - k:
            candidates.popleft()
        if i >= k - 1:
            out.append(nums[candidates[0]])
    return out
