# expect: failed
# np.intersect1d on float64 arrays, then back to ints: 2**53 + 1 and 2**53 become the same
# float, so values that are not shared look shared.
import numpy as np


def intersection(xs, ys):
    shared = np.intersect1d(np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64))
    return [int(value) for value in shared]
