"""A dict for the values and a list for the order of use: right, but each use is an O(n)
`list.remove`; fine for small caches, the linked list or OrderedDict is the O(1) answer."""


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.values = {}
        self.order = []

    def get(self, key):
        if key not in self.values:
            return -1
        self.order.remove(key)
        self.order.append(key)
        return self.values[key]

    def put(self, key, value):
        if key in self.values:
            self.order.remove(key)
        self.values[key] = value
        self.order.append(key)
        if len(self.order) > self.capacity:
            del self.values[self.order.pop(0)]
