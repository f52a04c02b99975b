# expect: timeout
# Tries every pair: right answers, but 10**10 steps on the largest lists.
def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return (i, j)
    return None
