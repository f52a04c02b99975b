# expect: failed
# numpy int64 arithmetic: sums past 2**63 wrap around (values past it do not even fit).
import numpy as np


def two_sum(nums, target):
    values = np.array(nums, dtype=np.int64)
    order = np.argsort(values, kind="stable")
    lo, hi = 0, len(order) - 1
    with np.errstate(over="ignore"):
        while lo < hi:
            total = values[order[lo]] + values[order[hi]]
            if total == target:
                i, j = int(order[lo]), int(order[hi])
                return (min(i, j), max(i, j))
            if total < target:
                lo += 1
            else:
                hi -= 1
    return None
