# expect: error
# np.unique on an int64 array: right while every value fits in 64 signed bits, an OverflowError
# for a value such as 2**64, which a list of Python ints may hold.
import numpy as np


def find_duplicates(nums):
    values, counts = np.unique(np.array(nums, dtype=np.int64), return_counts=True)
    return values[counts > 1].tolist()
