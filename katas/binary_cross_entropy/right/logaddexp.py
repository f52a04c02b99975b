import numpy as np


def binary_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """-log sigmoid(z) = log(e**0 + e**-z): numpy's logaddexp does it stably."""
    sign = np.where(labels == 1, 1.0, -1.0)
    return float(np.mean(np.logaddexp(0.0, -sign * logits)))
