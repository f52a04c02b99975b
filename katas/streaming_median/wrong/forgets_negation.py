# expect: failed
# Two heaps, the lower one storing negated numbers, but the median reads its top without
# negating it back.
import heapq


class StreamingMedian:
    def __init__(self):
        self.lower = []
        self.upper = []

    def add(self, x):
        heapq.heappush(self.lower, -x)
        heapq.heappush(self.upper, -heapq.heappop(self.lower))
        if len(self.upper) > len(self.lower):
            heapq.heappush(self.lower, -heapq.heappop(self.upper))

    def median(self):
        if not self.lower:
            raise ValueError("no numbers yet")
        if len(self.lower) > len(self.upper):
            return float(self.lower[0])
        return (self.lower[0] + self.upper[0]) / 2
