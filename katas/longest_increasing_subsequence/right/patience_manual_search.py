def longest_increasing_subsequence(nums: list[int]) -> int:
    """Patience sorting with a hand-written binary search for the first tail >= value."""
    tails: list[int] = []
    for value in nums:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < value:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(value)
        else:
            tails[lo] = value
    return len(tails)
