def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    """Sort the positions by value, then close in from both ends: O(n log n)."""
    order = sorted(range(len(nums)), key=nums.__getitem__)
    lo, hi = 0, len(order) - 1
    while lo < hi:
        total = nums[order[lo]] + nums[order[hi]]
        if total == target:
            i, j = order[lo], order[hi]
            return (min(i, j), max(i, j))
        if total < target:
            lo += 1
        else:
            hi -= 1
    return None
