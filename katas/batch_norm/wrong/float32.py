# expect: failed
# float32, as on a GPU: about 7 digits, and values near 1e6 lose the spread entirely.
import numpy as np


def batch_norm(x, gamma, beta, eps):
    x32 = x.astype(np.float32)
    mean = x32.mean(axis=0)
    var = x32.var(axis=0)
    return (gamma * (x32 - mean) / np.sqrt(var + np.float32(eps)) + beta).astype(np.float64)
