# expect: error
# Rounds the output size up: the last window hangs off the image, and the shapes clash.
import math

import numpy as np


def conv2d(image, kernel, stride, padding):
    padded = np.pad(image, padding)
    kh, kw = kernel.shape
    rows = math.ceil((padded.shape[0] - kh) / stride) + 1
    cols = math.ceil((padded.shape[1] - kw) / stride) + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(padded[i * stride : i * stride + kh, j * stride : j * stride + kw] * kernel)
    return out
