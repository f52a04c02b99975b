# expect: failed
# Brute force whose running best starts at 0, so a negative best product comes back as 0.
def max_product_of_three(nums):
    best = 0
    n = len(nums)
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                best = max(best, nums[i] * nums[j] * nums[k])
    return best
