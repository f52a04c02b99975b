import numpy as np


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The first k principal components (rows) and the sample variance each explains."""
    centred = X - X.mean(axis=0)
    # The SVD of the centred data, not an eigendecomposition of its covariance: forming
    # X^T X squares the condition number. numpy returns singular values in decreasing order.
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    return vt[:k], singular[:k] ** 2 / (len(X) - 1)
