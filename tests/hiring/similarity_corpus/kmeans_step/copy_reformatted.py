import numpy as np
def lloyd_step(points: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One Lloyd iteration: (labels, new centroids); an empty cluster keeps its centroid."""
    n, k = points.shape[0], centroids.shape[0]
    squared = (
        np.sum(points**2, axis=1)[:, None]
        + np.sum(centroids**2, axis=1)[None, :]
    )
    squared = squared - 2 * points @ centroids.T
    labels = np.argmin(squared, axis=1)
    totals = np.zeros_like(centroids, dtype=float)
    np.add.at(totals, labels, points)
    sizes = np.bincount(labels, minlength=k)
    new = centroids.astype(float)
    nonempty = sizes > 0
    new[nonempty] = totals[nonempty] / sizes[nonempty][:, None]
    return labels, new
