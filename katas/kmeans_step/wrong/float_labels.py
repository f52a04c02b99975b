# expect: failed
# Right numbers, but the labels come back as floats (from np.zeros' default dtype).
import numpy as np


def kmeans_step(X, centroids):
    squared = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = np.zeros(len(X))
    if len(X):
        labels[:] = squared.argmin(axis=1)
    moved = centroids.copy()
    for j in range(len(centroids)):
        if np.any(labels == j):
            moved[j] = X[labels == j].mean(axis=0)
    return labels, moved
