"""A sorted list kept with `bisect.insort`: O(n) per add (a memmove, fast in practice) and
O(1) per median."""

import bisect


class StreamingMedian:
    def __init__(self):
        self.numbers = []

    def add(self, x):
        bisect.insort(self.numbers, x)

    def median(self):
        if not self.numbers:
            raise ValueError("no numbers yet")
        n = len(self.numbers)
        if n % 2:
            return float(self.numbers[n // 2])
        return (self.numbers[n // 2 - 1] + self.numbers[n // 2]) / 2
