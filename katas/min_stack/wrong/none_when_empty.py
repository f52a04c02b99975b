# expect: failed
# Right for every non-empty stack, but returns None on an empty one instead of raising.


class MinStack:
    def __init__(self):
        self.entries = []

    def push(self, x):
        smallest = min(x, self.entries[-1][1]) if self.entries else x
        self.entries.append((x, smallest))

    def pop(self):
        return self.entries.pop()[0] if self.entries else None

    def top(self):
        return self.entries[-1][0] if self.entries else None

    def get_min(self):
        return self.entries[-1][1] if self.entries else None
