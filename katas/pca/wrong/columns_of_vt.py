# expect: failed
# Reads the components from the columns of V^T instead of its rows.
import numpy as np


def pca(X, k):
    _, s, vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return np.ascontiguousarray(vt[:, :k].T), s[:k] ** 2 / (len(X) - 1)
