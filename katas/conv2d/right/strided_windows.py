import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(image: np.ndarray, kernel: np.ndarray, stride: int, padding: int) -> np.ndarray:
    """Every kh x kw window at once, thinned by the stride, contracted with the kernel."""
    padded = np.pad(image, ((padding, padding), (padding, padding)))
    windows = sliding_window_view(padded, kernel.shape)[::stride, ::stride]
    return np.einsum("ijab,ab->ij", windows, kernel)
