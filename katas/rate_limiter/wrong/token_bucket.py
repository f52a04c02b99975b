# expect: failed
# A token bucket refilling limit / window tokens per second: a fine limiter, but not this one.
# It smooths the rate, so after a burst it allows requests the sliding window still refuses.


class RateLimiter:
    def __init__(self, limit, window):
        self.capacity = limit
        self.rate = limit / window
        self.tokens = float(limit)
        self.last = None

    def allow(self, t):
        if self.last is not None:
            self.tokens = min(self.capacity, self.tokens + (t - self.last) * self.rate)
        self.last = t
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
