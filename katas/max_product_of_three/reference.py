def max_product_of_three(nums: list[int]) -> int:
    """Return the largest product of three elements of `nums` at distinct positions."""
    ordered = sorted(nums)
    # The best triple is either the three largest values, or the largest value times the two
    # smallest (two negatives with the biggest magnitudes make the biggest positive pair).
    top_three = ordered[-1] * ordered[-2] * ordered[-3]
    two_smallest_and_top = ordered[0] * ordered[1] * ordered[-1]
    return max(top_three, two_smallest_and_top)
