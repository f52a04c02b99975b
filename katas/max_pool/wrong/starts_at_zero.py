# expect: failed
# The running maximum starts at 0, so an all-negative window reports 0.
import numpy as np


def max_pool(x, size, stride):
    rows = (x.shape[0] - size) // stride + 1
    cols = (x.shape[1] - size) // stride + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            best = 0.0
            for v in x[i * stride : i * stride + size, j * stride : j * stride + size].flat:
                best = max(best, v)
            out[i, j] = best
    return out
