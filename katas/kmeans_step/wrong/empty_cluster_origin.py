# expect: failed
# Accumulates sums and counts, then divides by max(count, 1): an empty cluster jumps to 0.
import numpy as np


def kmeans_step(X, centroids):
    squared = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = squared.argmin(axis=1) if len(X) else np.zeros(0, dtype=int)
    sums = np.zeros_like(centroids)
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=len(centroids))
    return labels, sums / np.maximum(counts, 1)[:, None]
