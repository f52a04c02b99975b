# expect: failed
# np.unique on np.array(nums): numpy picks int64 for small values, but uint64 or float64 when one
# value is past int64 and another negative or large, and then distinct values can merge.
import numpy as np


def find_duplicates(nums):
    if not nums:
        return []
    values, counts = np.unique(np.array(nums), return_counts=True)
    return [int(v) for v in values[counts > 1]]
