import numpy as np


def attention(
    Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None
) -> np.ndarray:
    """softmax(Q K^T / sqrt(d_k)) V, row-wise; mask[i, j] False blocks key j for query i."""
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    # Every row has an allowed key, so each row's maximum is finite: exp(-inf - max) is 0.
    weights = np.exp(scores - scores.max(axis=1, keepdims=True))
    weights /= weights.sum(axis=1, keepdims=True)
    return weights @ V
