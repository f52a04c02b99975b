# expect: failed
# Returns the labels computed before the last update, not those of the final centroids.
import numpy as np


def kmeans(X, init, max_iter):
    def nearest(c):
        if len(X) == 0:
            return np.zeros(0, dtype=int)
        return ((X[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)

    centroids = init.copy()
    labels = nearest(centroids)
    for _ in range(max_iter):
        labels = nearest(centroids)
        moved = centroids.copy()
        for j in range(len(centroids)):
            if (labels == j).any():
                moved[j] = X[labels == j].mean(axis=0)
        if np.array_equal(moved, centroids):
            break
        centroids = moved
    return labels, centroids
