# expect: failed
# <= in the search for the nearest centroid: on a tie the last index wins.
import numpy as np


def kmeans_step(X, centroids):
    labels = []
    for p in X:
        best, best_distance = 0, np.inf
        for j, c in enumerate(centroids):
            distance = float(((p - c) ** 2).sum())
            if distance <= best_distance:
                best, best_distance = j, distance
        labels.append(best)
    labels = np.array(labels, dtype=int)
    moved = centroids.copy()
    for j in range(len(centroids)):
        if np.any(labels == j):
            moved[j] = X[labels == j].mean(axis=0)
    return labels, moved
