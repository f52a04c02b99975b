# expect: failed
# Moves a centroid as soon as a point joins it (MacQueen's online update): the later points
# are then assigned against centroids that have already moved.
import numpy as np


def kmeans_step(X, centroids):
    moved = centroids.copy()
    counts = np.zeros(len(centroids))
    labels = np.zeros(len(X), dtype=int)
    for i, p in enumerate(X):
        j = int(((moved - p) ** 2).sum(axis=1).argmin())
        labels[i] = j
        counts[j] += 1
        if counts[j] == 1:
            moved[j] = p
        else:
            moved[j] += (p - moved[j]) / counts[j]
    return labels, moved
