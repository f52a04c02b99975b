# expect: failed
# A get counts as a use, but updating an existing key with put does not move it.
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.entries = OrderedDict()

    def get(self, key):
        if key not in self.entries:
            return -1
        self.entries.move_to_end(key)
        return self.entries[key]

    def put(self, key, value):
        if key not in self.entries and len(self.entries) >= self.capacity:
            self.entries.popitem(last=False)
        self.entries[key] = value
