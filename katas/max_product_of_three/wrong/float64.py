# expect: failed
# Sorts and multiplies in float64, then rounds back to an int: exact while the product stays
# under 2**53 (about 9e15), but a product near 10**18 loses its last digits.
import numpy as np


def max_product_of_three(nums):
    s = np.sort(np.asarray(nums, dtype=np.float64))
    return int(max(s[-1] * s[-2] * s[-3], s[0] * s[1] * s[-1]))
