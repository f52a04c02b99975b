# expect: failed
# Keeps a single minimum: right until the minimum is popped, then it still reports it.


class MinStack:
    def __init__(self):
        self.items = []
        self.smallest = None

    def push(self, x):
        self.items.append(x)
        if self.smallest is None or x < self.smallest:
            self.smallest = x

    def pop(self):
        return self.items.pop()

    def top(self):
        return self.items[-1]

    def get_min(self):
        if not self.items:
            raise IndexError("minimum of an empty stack")
        return self.smallest
