# expect: failed
# The mathematician's convolution: flips the kernel. Deep-learning layers do not.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(image, kernel, stride, padding):
    padded = np.pad(image, padding)
    windows = sliding_window_view(padded, kernel.shape)[::stride, ::stride]
    return np.einsum("ijab,ab->ij", windows, kernel[::-1, ::-1])
