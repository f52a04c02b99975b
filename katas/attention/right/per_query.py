import math

import numpy as np


def attention(
    Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None
) -> np.ndarray:
    """One query at a time, keeping only the keys it may see."""
    out = np.zeros((len(Q), V.shape[1]))
    for i, q in enumerate(Q):
        allowed = np.arange(len(K)) if mask is None else np.flatnonzero(mask[i])
        scores = K[allowed] @ q / math.sqrt(len(q))
        weights = np.exp(scores - scores.max())
        out[i] = (weights / weights.sum()) @ V[allowed]
    return out
