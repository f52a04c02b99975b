# expect: failed
# Holds one entry too many, but only at capacity 3: random call sequences may never fill a
# cache of 3 and add one more; the fixed cases pin every capacity the random runs start from.

from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.entries: OrderedDict[int, int] = OrderedDict()

    def get(self, key: int) -> int:
        if key not in self.entries:
            return -1
        self.entries.move_to_end(key)
        return self.entries[key]

    def put(self, key: int, value: int) -> None:
        self.entries[key] = value
        self.entries.move_to_end(key)
        if len(self.entries) > self.capacity + (self.capacity == 3):
            self.entries.popitem(last=False)
