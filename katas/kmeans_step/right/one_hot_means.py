import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sums per cluster from a one-hot matrix product; counts from bincount."""
    k = len(centroids)
    squared = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = squared.argmin(axis=1) if len(X) else np.zeros(0, dtype=int)
    membership = np.zeros((len(X), k))
    membership[np.arange(len(X)), labels] = 1.0
    sums = membership.T @ X
    counts = np.bincount(labels, minlength=k)
    moved = centroids.copy()
    used = counts > 0
    moved[used] = sums[used] / counts[used, None]
    return labels, moved
