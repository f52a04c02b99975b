# expect: failed
# The longest increasing run of neighbours, not a subsequence.
def longest_increasing_subsequence(nums):
    best = run = 0
    for i, value in enumerate(nums):
        run = run + 1 if i and nums[i - 1] < value else 1
        best = max(best, run)
    return best
