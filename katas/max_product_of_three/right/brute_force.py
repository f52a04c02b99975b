from itertools import combinations
from math import prod


def max_product_of_three(nums: list[int]) -> int:
    """Slow but correct: try every triple of positions, O(n^3)."""
    return max(prod(triple) for triple in combinations(nums, 3))
