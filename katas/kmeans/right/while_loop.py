import numpy as np


def kmeans(X: np.ndarray, init: np.ndarray, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    """A while loop with an explicit update counter and a 'moved' flag."""

    def assign(centroids: np.ndarray) -> np.ndarray:
        labels = np.zeros(len(X), dtype=np.int64)
        for i, point in enumerate(X):
            labels[i] = int(np.argmin(((centroids - point) ** 2).sum(axis=1)))
        return labels

    centroids = init.copy()
    updates, moved = 0, True
    while moved and updates < max_iter:
        labels = assign(centroids)
        new = centroids.copy()
        for j in range(len(centroids)):
            if (labels == j).any():
                new[j] = X[labels == j].mean(axis=0)
        moved = not np.array_equal(new, centroids)
        centroids = new
        updates += 1
    return assign(centroids), centroids
