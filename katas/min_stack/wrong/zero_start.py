# expect: failed
# Starts the running minimum at 0 instead of at the first number: a stack of positive
# numbers reports 0.


class MinStack:
    def __init__(self):
        self.entries = []

    def push(self, x):
        below = self.entries[-1][1] if self.entries else 0
        self.entries.append((x, min(x, below)))

    def pop(self):
        return self.entries.pop()[0]

    def top(self):
        return self.entries[-1][0]

    def get_min(self):
        return self.entries[-1][1]
