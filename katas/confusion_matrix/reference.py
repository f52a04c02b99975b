import numpy as np


def confusion_matrix(
    y_true: list[int] | np.ndarray, y_pred: list[int] | np.ndarray, num_classes: int
) -> np.ndarray:
    """C[i, j] = how many examples of true class i were predicted as class j."""
    if len(y_true) != len(y_pred):
        raise ValueError(f"{len(y_true)} true labels but {len(y_pred)} predictions")
    counts = np.zeros((num_classes, num_classes), dtype=np.int64)
    for truth, guess in zip(y_true, y_pred, strict=True):
        counts[int(truth), int(guess)] += 1
    return counts
