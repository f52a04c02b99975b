import numpy as np


def max_product_of_three(nums: list[int]) -> int:
    """Sort with numpy; |x| <= 10**6 keeps every product inside int64."""
    ordered = np.sort(np.array(nums, dtype=np.int64))
    candidates = (ordered[-3:].prod(), ordered[:2].prod() * ordered[-1])
    return int(max(candidates))
