import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax along the last axis of a 1-D or 2-D float array, without overflow."""
    raise NotImplementedError
