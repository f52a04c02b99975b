# expect: failed
# bisect_right: equal values extend the subsequence (longest non-decreasing).
from bisect import bisect_right


def longest_increasing_subsequence(nums):
    tails = []
    for value in nums:
        j = bisect_right(tails, value)
        if j == len(tails):
            tails.append(value)
        else:
            tails[j] = value
    return len(tails)
