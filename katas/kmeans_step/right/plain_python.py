import numpy as np


def kmeans_step(X: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Loops over points and centroids; strict < keeps the first of equal distances."""
    points, centres = X.tolist(), centroids.tolist()
    labels = []
    for p in points:
        best, best_distance = 0, None
        for j, c in enumerate(centres):
            distance = sum((a - b) ** 2 for a, b in zip(p, c, strict=True))
            if best_distance is None or distance < best_distance:
                best, best_distance = j, distance
        labels.append(best)
    moved = centroids.copy()
    for j in range(len(centres)):
        members = [p for p, label in zip(points, labels, strict=True) if label == j]
        if members:
            moved[j] = np.mean(np.array(members), axis=0)
    return np.array(labels, dtype=np.int64), moved
