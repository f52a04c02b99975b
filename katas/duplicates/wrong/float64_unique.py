# expect: failed
# Counts in a float64 array, then back to ints: 2**53 and 2**53 + 1 become the same float, so
# two different values are reported as a duplicate.
import numpy as np


def find_duplicates(nums):
    values, counts = np.unique(np.array(nums, dtype=np.float64), return_counts=True)
    return [int(value) for value in values[counts > 1]]
