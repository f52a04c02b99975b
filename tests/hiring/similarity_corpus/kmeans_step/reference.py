import numpy as np


def lloyd_step(points: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One Lloyd iteration: (labels, new centroids); an empty cluster keeps its centroid."""
    distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = distances.argmin(axis=1)
    updated = centroids.astype(float).copy()
    for j in range(len(centroids)):
        members = points[labels == j]
        if len(members):
            updated[j] = members.mean(axis=0)
    return labels, updated
