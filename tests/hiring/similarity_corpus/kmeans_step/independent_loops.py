import numpy as np


def lloyd_step(points: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One Lloyd iteration: (labels, new centroids); an empty cluster keeps its centroid."""
    labels = np.empty(len(points), dtype=int)
    for i, p in enumerate(points):
        best, best_d = 0, float("inf")
        for j, c in enumerate(centroids):
            d = float(np.dot(p - c, p - c))
            if d < best_d:
                best, best_d = j, d
        labels[i] = best
    result = np.array(centroids, dtype=float)
    for j in range(len(centroids)):
        chosen = [p for p, lab in zip(points, labels) if lab == j]
        if chosen:
            result[j] = np.mean(chosen, axis=0)
    return labels, result
