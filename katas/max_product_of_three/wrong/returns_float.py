# expect: failed
# Right numbers, wrong type: math.inf bookkeeping leaks a float into the result.
import math


def max_product_of_three(nums):
    best = -math.inf
    s = sorted(nums)
    for candidate in (s[-1] * s[-2] * s[-3], s[0] * s[1] * s[-1]):
        best = max(best, candidate * 1.0)
    return best
