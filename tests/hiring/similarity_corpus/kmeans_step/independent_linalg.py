import numpy as np


def lloyd_step(points: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One Lloyd iteration: (labels, new centroids); an empty cluster keeps its centroid."""
    gaps = np.linalg.norm(points[:, np.newaxis] - centroids[np.newaxis], axis=-1)
    nearest = gaps.argmin(-1)
    one_hot = np.eye(len(centroids))[nearest]
    weight = one_hot.sum(0)
    moved = (one_hot.T @ points) / np.maximum(weight, 1)[:, np.newaxis]
    return nearest, np.where(weight[:, np.newaxis] > 0, moved, centroids)
