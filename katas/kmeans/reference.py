import numpy as np


def _nearest(X: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """Each point's nearest centroid; argmin keeps the lowest index on a tie."""
    if len(X) == 0:
        return np.zeros(0, dtype=np.int64)
    squared = ((X[:, np.newaxis, :] - centroids[np.newaxis, :, :]) ** 2).sum(axis=-1)
    return np.argmin(squared, axis=1).astype(np.int64)


def kmeans(X: np.ndarray, init: np.ndarray, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's algorithm from init, until nothing moves or max_iter updates; (labels, centroids)."""
    centroids = init.astype(np.float64, copy=True)
    for _ in range(max_iter):
        labels = _nearest(X, centroids)
        moved = centroids.copy()
        for j in range(len(centroids)):
            members = X[labels == j]
            if len(members):
                moved[j] = members.mean(axis=0)
        if np.array_equal(moved, centroids):
            break
        centroids = moved
    return _nearest(X, centroids), centroids
