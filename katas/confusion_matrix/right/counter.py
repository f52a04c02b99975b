from collections import Counter

import numpy as np


def confusion_matrix(
    y_true: list[int] | np.ndarray, y_pred: list[int] | np.ndarray, num_classes: int
) -> np.ndarray:
    """Count the pairs in a Counter, then fill the matrix."""
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred differ in length")
    pairs = Counter(zip(map(int, y_true), map(int, y_pred), strict=True))
    counts = np.zeros((num_classes, num_classes), dtype=np.int64)
    for (t, p), n in pairs.items():
        counts[t, p] = n
    return counts
