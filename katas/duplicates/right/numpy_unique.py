import numpy as np


def find_duplicates(nums: list[int]) -> list[int]:
    """np.unique with counts (the notes' second approach), back to a plain list."""
    if not nums:
        return []
    # dtype=object keeps arbitrary-size Python ints exact instead of overflowing int64.
    values, counts = np.unique(np.array(nums, dtype=object), return_counts=True)
    return [int(value) for value in values[counts > 1]]
