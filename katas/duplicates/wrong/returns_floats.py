# expect: failed
# The right values, as floats: Counter over float(x), so 3 comes back as 3.0.
from collections import Counter


def find_duplicates(nums):
    return [value for value, count in Counter(float(x) for x in nums).items() if count > 1]
