import numpy as np


def confusion_matrix(
    y_true: list[int] | np.ndarray, y_pred: list[int] | np.ndarray, num_classes: int
) -> np.ndarray:
    """np.add.at is the unbuffered += : a repeated index adds once per occurrence."""
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred differ in length")
    counts = np.zeros((num_classes, num_classes), dtype=int)
    np.add.at(counts, (np.asarray(y_true, dtype=int), np.asarray(y_pred, dtype=int)), 1)
    return counts
