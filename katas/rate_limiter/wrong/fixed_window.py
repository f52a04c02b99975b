# expect: failed
# Counts requests in fixed blocks [k * window, (k + 1) * window): a burst at the end of one
# block and the start of the next lets through twice the limit.


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.block = None
        self.count = 0

    def allow(self, t):
        block = t // self.window
        if block != self.block:
            self.block, self.count = block, 0
        if self.count < self.limit:
            self.count += 1
            return True
        return False
