"""A second stack of minimums, pushed when x is at most the current minimum (so repeated
minimums are kept once each) and popped when the popped number is the minimum."""


class MinStack:
    def __init__(self):
        self.items = []
        self.minimums = []

    def push(self, x):
        self.items.append(x)
        if not self.minimums or x <= self.minimums[-1]:
            self.minimums.append(x)

    def pop(self):
        x = self.items.pop()
        if x == self.minimums[-1]:
            self.minimums.pop()
        return x

    def top(self):
        return self.items[-1]

    def get_min(self):
        return self.minimums[-1]
