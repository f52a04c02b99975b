from collections import deque


def sliding_window_max(nums: list[int], k: int) -> list[int]:
    """The maximum of each window of k consecutive numbers, left to right."""
    # Positions whose values decrease from front to back: the front is the window's maximum;
    # a new value evicts every smaller-or-equal value behind it, since those can never win.
    candidates: deque[int] = deque()
    maxima = []
    for i, value in enumerate(nums):
        while candidates and nums[candidates[-1]] <= value:
            candidates.pop()
        candidates.append(i)
        if candidates[0] <= i - k:
            candidates.popleft()
        if i >= k - 1:
            maxima.append(nums[candidates[0]])
    return maxima
