# expect: failed
# Normalises each column (over the queries) instead of each row (over the keys).
import numpy as np


def attention(Q, K, V, mask):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if mask is not None:
        scores = np.where(mask, scores, -1e30)
    w = np.exp(scores - scores.max(axis=0, keepdims=True))
    return (w / w.sum(axis=0, keepdims=True)) @ V
