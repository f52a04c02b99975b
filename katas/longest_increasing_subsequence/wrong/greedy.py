# expect: failed
# Greedy: take every value larger than the last one taken.
def longest_increasing_subsequence(nums):
    count, last = 0, None
    for value in nums:
        if last is None or value > last:
            count, last = count + 1, value
    return count
