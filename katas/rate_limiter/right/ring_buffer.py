"""A ring of the last `limit` allowed times: the request is allowed when the oldest of them
(the one `limit` allowed requests ago) has left the window. O(limit) memory, O(1) time."""


class RateLimiter:
    def __init__(self, limit, window):
        self.window = window
        self.times = [None] * limit
        self.next = 0

    def allow(self, t):
        oldest = self.times[self.next]
        if oldest is not None and oldest > t - self.window:
            return False
        self.times[self.next] = t
        self.next = (self.next + 1) % len(self.times)
        return True
