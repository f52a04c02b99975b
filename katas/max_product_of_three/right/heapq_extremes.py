import heapq


def max_product_of_three(nums: list[int]) -> int:
    """The notes' heapq idea: only the three largest and the two smallest values matter."""
    a, b, c = heapq.nlargest(3, nums)
    x, y = heapq.nsmallest(2, nums)
    return max(a * b * c, x * y * a)
