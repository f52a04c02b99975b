"""Each entry remembers the minimum of itself and everything below it."""


class MinStack:
    def __init__(self) -> None:
        self.entries: list[tuple[int, int]] = []

    def push(self, x: int) -> None:
        smallest = min(x, self.entries[-1][1]) if self.entries else x
        self.entries.append((x, smallest))

    def pop(self) -> int:
        if not self.entries:
            raise IndexError("pop from an empty stack")
        return self.entries.pop()[0]

    def top(self) -> int:
        if not self.entries:
            raise IndexError("top of an empty stack")
        return self.entries[-1][0]

    def get_min(self) -> int:
        if not self.entries:
            raise IndexError("minimum of an empty stack")
        return self.entries[-1][1]
