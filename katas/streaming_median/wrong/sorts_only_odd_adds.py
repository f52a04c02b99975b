# expect: failed
# Keeps a list and re-sorts it only when an add makes the count odd, to save work: after an
# even-count add the list is unsorted and the middle pair is wrong.


class StreamingMedian:
    def __init__(self):
        self.numbers = []

    def add(self, x):
        self.numbers.append(x)
        if len(self.numbers) % 2 == 1:
            self.numbers.sort()

    def median(self):
        if not self.numbers:
            raise ValueError("no numbers yet")
        n = len(self.numbers)
        if n % 2:
            return float(self.numbers[n // 2])
        return (self.numbers[n // 2 - 1] + self.numbers[n // 2]) / 2
