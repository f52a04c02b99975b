# expect: failed
# Ignores stride and steps by the window size.
import numpy as np


def max_pool(x, size, stride):
    rows = (x.shape[0] - size) // size + 1
    cols = (x.shape[1] - size) // size + 1
    out = np.empty((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = x[i * size : i * size + size, j * size : j * size + size].max()
    return out
