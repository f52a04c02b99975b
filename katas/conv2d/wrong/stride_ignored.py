# expect: failed
# Computes every position and never applies the stride.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(image, kernel, stride, padding):
    windows = sliding_window_view(np.pad(image, padding), kernel.shape)
    return np.einsum("ijab,ab->ij", windows, kernel)
