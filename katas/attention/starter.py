import numpy as np


def attention(
    Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: np.ndarray | None
) -> np.ndarray:
    """softmax(Q K^T / sqrt(d_k)) V, row-wise; mask[i, j] False blocks key j for query i."""
    raise NotImplementedError
