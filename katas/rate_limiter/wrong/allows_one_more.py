# expect: failed
# Compares with <= instead of <: lets through limit + 1 requests per window.
from collections import deque


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.allowed = deque()

    def allow(self, t):
        while self.allowed and self.allowed[0] <= t - self.window:
            self.allowed.popleft()
        if len(self.allowed) <= self.limit:
            self.allowed.append(t)
            return True
        return False
