import heapq

import numpy as np


def reservoir_sample(stream: list, k: int, seed: int) -> list:
    """Give each item a uniform random key and keep the k smallest keys (a bounded heap)."""
    rng = np.random.default_rng(seed)
    heap: list[tuple[float, int, object]] = []  # (-key, position, item): a max-heap on key
    for position, item in enumerate(stream):
        key = float(rng.random())
        if len(heap) < k:
            heapq.heappush(heap, (-key, position, item))
        elif -heap[0][0] > key:
            heapq.heapreplace(heap, (-key, position, item))
    return [item for _, _, item in heap]
