# expect: failed
# Returns the upper middle number for an even count instead of the mean of the middle pair.
import bisect


class StreamingMedian:
    def __init__(self):
        self.numbers = []

    def add(self, x):
        bisect.insort(self.numbers, x)

    def median(self):
        if not self.numbers:
            raise ValueError("no numbers yet")
        return float(self.numbers[len(self.numbers) // 2])
