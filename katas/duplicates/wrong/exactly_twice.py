# expect: failed
# Keeps only the values seen exactly twice, so a value seen three times is lost.
from collections import Counter


def find_duplicates(nums):
    return [value for value, count in Counter(nums).items() if count == 2]
