# expect: failed
# Records every request, refused ones too: a client that keeps retrying is locked out for good.
from collections import deque


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.seen = deque()

    def allow(self, t):
        while self.seen and self.seen[0] <= t - self.window:
            self.seen.popleft()
        self.seen.append(t)
        return len(self.seen) <= self.limit
