# expect: error
# The reshape trick for non-overlapping windows: only works when stride == size and the
# sizes divide evenly.
import numpy as np


def max_pool(x, size, stride):
    h, w = x.shape
    return x.reshape(h // size, size, w // size, size).max(axis=(1, 3))
