# expect: failed
# Right for every stream but the empty one: returns 0.0 instead of raising ValueError.
import statistics


class StreamingMedian:
    def __init__(self):
        self.numbers = []

    def add(self, x):
        self.numbers.append(x)

    def median(self):
        if not self.numbers:
            return 0.0
        return float(statistics.median(self.numbers))
