# expect: failed
# An empty cluster's mean is nan, and nan never equals itself: it never converges either.
import numpy as np


def kmeans(X, init, max_iter):
    def nearest(c):
        if len(X) == 0:
            return np.zeros(0, dtype=int)
        return np.nan_to_num(((X[:, None, :] - c[None, :, :]) ** 2).sum(axis=2), nan=np.inf).argmin(axis=1)

    centroids = init.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        for _ in range(max_iter):
            labels = nearest(centroids)
            moved = np.array([X[labels == j].mean(axis=0) for j in range(len(centroids))])
            moved = moved.reshape(centroids.shape)
            if np.array_equal(moved, centroids):
                break
            centroids = moved
    return nearest(centroids), centroids
