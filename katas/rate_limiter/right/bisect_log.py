"""Keep every allowed time in a sorted list and count those in the window with `bisect`:
simple, but the list grows with every allowed request (O(n) memory)."""

import bisect


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.allowed = []

    def allow(self, t):
        start = bisect.bisect_right(self.allowed, t - self.window)
        if len(self.allowed) - start < self.limit:
            self.allowed.append(t)
            return True
        return False
