import math

import numpy as np


def batch_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Feature by feature, with fsum for the mean and the variance."""
    out = np.empty_like(x)
    n = len(x)
    for j in range(x.shape[1]):
        column = x[:, j].tolist()
        mean = math.fsum(column) / n
        variance = math.fsum((v - mean) ** 2 for v in column) / n
        scale = gamma[j] / math.sqrt(variance + eps)
        out[:, j] = [(v - mean) * scale + beta[j] for v in column]
    return out
