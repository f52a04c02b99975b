# expect: error
# np.intersect1d on int64 arrays: right while every value fits in 64 signed bits, an
# OverflowError for 2**64, which a list of Python ints may hold.
import numpy as np


def intersection(xs, ys):
    return np.intersect1d(np.array(xs, dtype=np.int64), np.array(ys, dtype=np.int64)).tolist()
