import heapq
from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """heapq.nsmallest on (-count, value): O(n log k)."""
    counts = Counter(nums)
    return [value for _, value in heapq.nsmallest(k, ((-c, v) for v, c in counts.items()))]
