import numpy as np


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The same SVD taken of the transpose: the components are then columns of U."""
    centred = (X - X.mean(axis=0)).T
    u, singular, _ = np.linalg.svd(centred, full_matrices=False)
    return np.ascontiguousarray(u[:, :k].T), singular[:k] ** 2 / (X.shape[0] - 1)
