# expect: failed
# var = E[x^2] - E[x]^2: catastrophic cancellation for features far from zero.
import numpy as np


def batch_norm(x, gamma, beta, eps):
    mean = x.mean(axis=0)
    var = np.maximum((x * x).mean(axis=0) - mean * mean, 0.0)
    return gamma * (x - mean) / np.sqrt(var + eps) + beta
