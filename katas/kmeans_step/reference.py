import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Assign each point to its nearest centroid, then move each centroid to its points' mean."""
    # Squared distances from broadcast differences (exact enough to break ties as the
    # contract says); argmin returns the first minimum, so the lowest index wins a tie.
    squared = ((X[:, np.newaxis, :] - centroids[np.newaxis, :, :]) ** 2).sum(axis=-1)
    labels = np.argmin(squared, axis=1) if len(X) else np.zeros(0, dtype=np.int64)
    moved = centroids.astype(np.float64, copy=True)
    for j in range(len(centroids)):
        members = X[labels == j]
        if len(members):
            moved[j] = members.mean(axis=0)
    return labels.astype(np.int64), moved
