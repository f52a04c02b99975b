# expect: failed
# Reads True as "blocked" (PyTorch's nn.MultiheadAttention convention), not "allowed".
import numpy as np


def attention(Q, K, V, mask):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if mask is not None:
        scores = np.where(mask, -1e30, scores)
    w = np.exp(scores - scores.max(axis=1, keepdims=True))
    return (w / w.sum(axis=1, keepdims=True)) @ V
