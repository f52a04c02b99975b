# expect: failed
# Divides by N - 1 (and so N = 1 gives nan): batch norm uses the biased variance.
import numpy as np


def batch_norm(x, gamma, beta, eps):
    with np.errstate(invalid="ignore", divide="ignore"):
        var = x.var(axis=0, ddof=1)
    return gamma * (x - x.mean(axis=0)) / np.sqrt(var + eps) + beta
