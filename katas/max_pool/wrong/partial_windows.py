# expect: failed
# Keeps windows that hang off the edge (ceil mode): an extra row or column of partial maxima.
import math

import numpy as np


def max_pool(x, size, stride):
    rows = math.ceil((x.shape[0] - size) / stride) + 1
    cols = math.ceil((x.shape[1] - size) / stride) + 1
    out = np.empty((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = x[i * stride : i * stride + size, j * stride : j * stride + size].max()
    return out
