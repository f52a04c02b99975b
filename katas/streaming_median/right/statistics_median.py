"""Keep every number and ask the standard library: `statistics.median` sorts a copy each
time, O(n log n) per median; simple and right, slow for long streams."""

import statistics


class StreamingMedian:
    def __init__(self):
        self.numbers = []

    def add(self, x):
        self.numbers.append(x)

    def median(self):
        if not self.numbers:
            raise ValueError("no numbers yet")
        return statistics.median(self.numbers)
