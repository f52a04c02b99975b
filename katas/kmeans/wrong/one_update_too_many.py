# expect: failed
# range(max_iter + 1): one update more than allowed (and max_iter=0 still moves).
import numpy as np


def kmeans(X, init, max_iter):
    def nearest(c):
        if len(X) == 0:
            return np.zeros(0, dtype=int)
        return ((X[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)

    centroids = init.copy()
    for _ in range(max_iter + 1):
        labels = nearest(centroids)
        moved = centroids.copy()
        for j in range(len(centroids)):
            if (labels == j).any():
                moved[j] = X[labels == j].mean(axis=0)
        if np.array_equal(moved, centroids):
            break
        centroids = moved
    return nearest(centroids), centroids
