import numpy as np


def kmeans(X: np.ndarray, init: np.ndarray, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised update with bincount; stops when the centroids come back unchanged."""
    k = len(init)

    def nearest(centroids: np.ndarray) -> np.ndarray:
        if len(X) == 0:
            return np.zeros(0, dtype=int)
        return ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)

    centroids = init.copy()
    for _ in range(max_iter):
        labels = nearest(centroids)
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, X)
        moved = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centroids)
        # np.add.at sums in another order than mean(): compare with the mean to be exact.
        for j in np.flatnonzero(counts):
            moved[j] = X[labels == j].mean(axis=0)
        if np.array_equal(moved, centroids):
            break
        centroids = moved
    return nearest(centroids), centroids
