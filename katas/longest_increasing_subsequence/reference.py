from bisect import bisect_left


def longest_increasing_subsequence(nums: list[int]) -> int:
    """The length of the longest strictly increasing subsequence of nums."""
    # tails[j]: the smallest last element of an increasing subsequence of length j + 1.
    # bisect_left replaces an equal element rather than extending past it: strictness.
    tails: list[int] = []
    for value in nums:
        j = bisect_left(tails, value)
        if j == len(tails):
            tails.append(value)
        else:
            tails[j] = value
    return len(tails)
