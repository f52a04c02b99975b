import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Assign each point to its nearest centroid, then move each centroid to its points' mean."""
    raise NotImplementedError
