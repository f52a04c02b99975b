import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    """exp(x - logsumexp(x)), with the log-sum-exp itself computed stably."""
    if x.size == 0:
        return x.astype(float)
    top = x.max(axis=-1, keepdims=True)
    log_total = top + np.log(np.exp(x - top).sum(axis=-1, keepdims=True))
    return np.exp(x - log_total)
