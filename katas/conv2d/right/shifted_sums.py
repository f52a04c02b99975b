import numpy as np


def conv2d(image: np.ndarray, kernel: np.ndarray, stride: int, padding: int) -> np.ndarray:
    """Loop over the kernel's cells instead: add each weight times a shifted slice."""
    padded = np.zeros((image.shape[0] + 2 * padding, image.shape[1] + 2 * padding))
    padded[padding : padding + image.shape[0], padding : padding + image.shape[1]] = image
    kh, kw = kernel.shape
    rows = (padded.shape[0] - kh) // stride + 1
    cols = (padded.shape[1] - kw) // stride + 1
    out = np.zeros((rows, cols))
    for a in range(kh):
        for b in range(kw):
            rows_at = slice(a, a + stride * rows, stride)
            cols_at = slice(b, b + stride * cols, stride)
            out += kernel[a, b] * padded[rows_at, cols_at]
    return out
