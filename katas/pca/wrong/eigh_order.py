# expect: failed
# Takes eigh's first eigenvectors: eigh sorts eigenvalues in increasing order.
import numpy as np


def pca(X, k):
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False).reshape(X.shape[1], X.shape[1]))
    return vectors[:, :k].T, values[:k]
