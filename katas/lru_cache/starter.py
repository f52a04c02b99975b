class LRUCache:
    """A cache of at most `capacity` entries that evicts the least recently used one."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

    def get(self, key: int) -> int:
        """The value under `key` (now the most recently used), or -1."""
        raise NotImplementedError

    def put(self, key: int, value: int) -> None:
        """Store `value` under `key`; evict the least recently used entry if over capacity."""
        raise NotImplementedError
