import heapq


def sliding_window_max(nums: list[int], k: int) -> list[int]:
    """A max-heap of (-value, position); drop tops that have left the window: O(n log n)."""
    heap: list[tuple[int, int]] = []
    maxima = []
    for i, value in enumerate(nums):
        heapq.heappush(heap, (-value, i))
        if i >= k - 1:
            while heap[0][1] <= i - k:
                heapq.heappop(heap)
            maxima.append(-heap[0][0])
    return maxima
