# expect: failed
# Two heaps, but the mean of the middle pair uses integer division: 1 and 2 give 1, not 1.5.
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
            return -self.lower[0]
        return (-self.lower[0] + self.upper[0]) // 2
