import math


def max_product_of_three(nums: list[int]) -> int:
    """One pass keeping the three largest and the two smallest values seen so far: O(n)."""
    high = [-math.inf, -math.inf, -math.inf]  # high[0] >= high[1] >= high[2]
    low = [math.inf, math.inf]  # low[0] <= low[1]
    for x in nums:
        if x > high[0]:
            high = [x, high[0], high[1]]
        elif x > high[1]:
            high = [high[0], x, high[1]]
        elif x > high[2]:
            high[2] = x
        if x < low[0]:
            low = [x, low[0]]
        elif x < low[1]:
            low[1] = x
    return int(max(high[0] * high[1] * high[2], low[0] * low[1] * high[0]))
