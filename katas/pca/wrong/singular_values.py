# expect: failed
# Reports the singular values themselves as the explained variance.
import numpy as np


def pca(X, k):
    _, s, vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return vt[:k], s[:k].copy()
