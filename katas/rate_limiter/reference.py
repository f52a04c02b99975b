"""A queue of the times of the allowed requests still in the window: drop those that left,
then allow if fewer than `limit` remain."""

from collections import deque


class RateLimiter:
    def __init__(self, limit: int, window: int) -> None:
        self.limit = limit
        self.window = window
        self.allowed: deque[int] = deque()

    def allow(self, t: int) -> bool:
        while self.allowed and self.allowed[0] <= t - self.window:
            self.allowed.popleft()
        if len(self.allowed) < self.limit:
            self.allowed.append(t)
            return True
        return False
