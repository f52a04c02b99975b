# expect: failed
# Multiplies in int32: a product past 2**31 wraps around silently.
import numpy as np


def max_product_of_three(nums):
    s = np.sort(np.asarray(nums, dtype=np.int32))
    return int(max(s[-1] * s[-2] * s[-3], s[0] * s[1] * s[-1]))
