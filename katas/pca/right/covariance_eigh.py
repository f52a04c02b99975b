import numpy as np


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvectors of the sample covariance, reordered from largest eigenvalue down."""
    covariance = np.cov(X, rowvar=False).reshape(X.shape[1], X.shape[1])
    values, vectors = np.linalg.eigh(covariance)
    order = np.argsort(values)[::-1][:k]
    return vectors[:, order].T, values[order]
