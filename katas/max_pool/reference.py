import numpy as np


def max_pool(x: np.ndarray, size: int, stride: int) -> np.ndarray:
    """The maximum of each size x size window, windows `stride` apart, whole windows only."""
    rows = (x.shape[0] - size) // stride + 1
    cols = (x.shape[1] - size) // stride + 1
    out = np.empty((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = x[i * stride : i * stride + size, j * stride : j * stride + size].max()
    return out
