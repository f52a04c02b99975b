# expect: failed
# Skips centring: far from the origin, the first direction is the mean's.
import numpy as np


def pca(X, k):
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    return vt[:k], s[:k] ** 2 / (len(X) - 1)
