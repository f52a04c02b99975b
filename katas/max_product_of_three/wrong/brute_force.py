# expect: timeout
# Every triple of positions, O(n^3): right answers, but 10**4 numbers (the contract's
# largest list) make 1.7e11 triples.
from itertools import combinations
from math import prod


def max_product_of_three(nums):
    return max(prod(triple) for triple in combinations(nums, 3))
