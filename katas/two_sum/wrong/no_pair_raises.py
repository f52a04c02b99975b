# expect: error
# Assumes there is always an answer: falls off the end and raises instead of returning None.
def two_sum(nums, target):
    seen = {}
    for j, value in enumerate(nums):
        if target - value in seen:
            return (seen[target - value], j)
        seen[value] = j
    raise ValueError("no two numbers add up to target")
