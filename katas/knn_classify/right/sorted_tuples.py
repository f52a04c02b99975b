import math
from collections import Counter

import numpy as np


def knn_classify(
    X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int
) -> np.ndarray:
    """Sort (distance, index) tuples; pick the label by (-votes, label)."""
    train = X_train.tolist()
    labels = y_train.tolist()
    result = []
    for point in X_test.tolist():
        by_distance = sorted((math.dist(point, t), i) for i, t in enumerate(train))
        votes = Counter(labels[i] for _, i in by_distance[:k])
        result.append(min(votes, key=lambda label: (-votes[label], label)))
    return np.array(result, dtype=np.int64)
