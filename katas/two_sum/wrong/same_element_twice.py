# expect: failed
# Stores every value first, then pairs a value with itself when target is twice it.
def two_sum(nums, target):
    where = {value: index for index, value in enumerate(nums)}
    for i, value in enumerate(nums):
        j = where.get(target - value)
        if j is not None:
            return (min(i, j), max(i, j))
    return None
