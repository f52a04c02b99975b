# expect: failed
# Divides by n instead of n - 1.
import numpy as np


def pca(X, k):
    _, s, vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return vt[:k], s[:k] ** 2 / len(X)
