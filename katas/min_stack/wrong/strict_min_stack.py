# expect: failed
# A second stack of minimums, pushed only when x is strictly smaller: a repeated minimum is
# recorded once, so popping one copy loses it.


class MinStack:
    def __init__(self):
        self.items = []
        self.minimums = []

    def push(self, x):
        self.items.append(x)
        if not self.minimums or x < self.minimums[-1]:
            self.minimums.append(x)

    def pop(self):
        x = self.items.pop()
        if self.minimums and x == self.minimums[-1]:
            self.minimums.pop()
        return x

    def top(self):
        return self.items[-1]

    def get_min(self):
        return self.minimums[-1]
