# expect: failed
# Keeps the deque without evicting smaller values: the front is the oldest, not the largest.
from collections import deque


def sliding_window_max(nums, k):
    window = deque()
    out = []
    for i, value in enumerate(nums):
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            out.append(nums[window[0]])
    return out
