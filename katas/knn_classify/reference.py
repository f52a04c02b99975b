import numpy as np


def knn_classify(
    X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int
) -> np.ndarray:
    """Majority label of the k nearest training points (ties: earlier point, smaller label)."""
    predictions = np.zeros(len(X_test), dtype=np.int64)
    for i, point in enumerate(X_test):
        squared = ((X_train - point) ** 2).sum(axis=1)
        # A stable sort keeps equal distances in training order: the earlier point is nearer.
        nearest = np.argsort(squared, kind="stable")[:k]
        votes = np.bincount(y_train[nearest])
        predictions[i] = np.argmax(votes)  # the first maximum: the smallest label
    return predictions
