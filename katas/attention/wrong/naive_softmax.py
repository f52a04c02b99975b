# expect: failed
# The softmax without subtracting the maximum: scores near 8e4 overflow to inf, then nan.
import numpy as np


def attention(Q, K, V, mask):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    w = np.exp(scores)
    if mask is not None:
        w = np.where(mask, w, 0.0)
    with np.errstate(invalid="ignore"):
        return (w / w.sum(axis=1, keepdims=True)) @ V
