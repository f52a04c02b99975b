# expect: failed
# Puts each number in the half it belongs to, but only moves numbers from the lower half to the
# upper one: when the upper half grows larger, the median is read from the wrong place.
import heapq


class StreamingMedian:
    def __init__(self):
        self.lower = []  # max-heap, negated
        self.upper = []

    def add(self, x):
        if not self.lower or x <= -self.lower[0]:
            heapq.heappush(self.lower, -x)
        else:
            heapq.heappush(self.upper, x)
        if len(self.lower) > len(self.upper) + 1:
            heapq.heappush(self.upper, -heapq.heappop(self.lower))

    def median(self):
        if not self.lower:
            raise ValueError("no numbers yet")
        if len(self.lower) > len(self.upper):
            return float(-self.lower[0])
        return (-self.lower[0] + self.upper[0]) / 2
