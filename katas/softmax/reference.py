import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax along the last axis of a 1-D or 2-D float array, without overflow."""
    # Subtracting each row's own maximum makes the largest exponent 0: nothing overflows and
    # the largest term is exactly 1, so the sum is at least 1 and never underflows to 0.
    shifted = np.exp(x - np.max(x, axis=-1, keepdims=True, initial=-np.inf))
    return shifted / np.sum(shifted, axis=-1, keepdims=True)
