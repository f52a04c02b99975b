# expect: failed
# Forgets to divide the scores by sqrt(d_k).
import numpy as np


def attention(Q, K, V, mask):
    scores = Q @ K.T
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    w = np.exp(scores - scores.max(axis=1, keepdims=True))
    return (w / w.sum(axis=1, keepdims=True)) @ V
