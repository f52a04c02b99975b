import numpy as np


def lloyd_step(points: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One Lloyd iteration: (labels, new centroids); an empty cluster keeps its centroid."""
    m, c = points.shape[0], centroids.shape[0]
    # ||x||^2 + ||c||^2 - 2 x.c
    d2 = np.sum(points**2, axis=1)[:, None] + np.sum(centroids**2, axis=1)[None, :]
    d2 = d2 - 2 * points @ centroids.T
    assign = np.argmin(d2, axis=1)
    acc = np.zeros_like(centroids, dtype=float)
    np.add.at(acc, assign, points)
    counts = np.bincount(assign, minlength=c)
    out = centroids.astype(float)
    ok = counts > 0
    out[ok] = acc[ok] / counts[ok][:, None]
    return assign, out
