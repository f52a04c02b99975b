import numpy as np


def batch_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Normalise each feature over the batch (biased variance, eps in the root), scale, shift."""
    raise NotImplementedError
