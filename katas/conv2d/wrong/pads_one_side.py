# expect: error
# Pads only the bottom and right: the output is shifted and too small, and a kernel that
# needs the padding on both sides does not fit at all.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(image, kernel, stride, padding):
    padded = np.pad(image, ((0, padding), (0, padding)))
    windows = sliding_window_view(padded, kernel.shape)[::stride, ::stride]
    return np.einsum("ijab,ab->ij", windows, kernel)
