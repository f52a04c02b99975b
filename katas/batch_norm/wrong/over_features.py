# expect: failed
# Normalises each example over its features (layer norm), not each feature over the batch.
import numpy as np


def batch_norm(x, gamma, beta, eps):
    mean = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta
