# expect: failed
# Zeroes the blocked weights after the softmax without renormalising: rows no longer sum to 1.
import numpy as np


def attention(Q, K, V, mask):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    w = np.exp(scores - scores.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    if mask is not None:
        w = w * mask
    return w @ V
