import numpy as np


def confusion_matrix(
    y_true: list[int] | np.ndarray, y_pred: list[int] | np.ndarray, num_classes: int
) -> np.ndarray:
    """Each (true, predicted) pair as one number t * k + p, counted with bincount."""
    t = np.asarray(y_true, dtype=np.int64).reshape(-1)
    p = np.asarray(y_pred, dtype=np.int64).reshape(-1)
    if t.shape != p.shape:
        raise ValueError("y_true and y_pred differ in length")
    flat = np.bincount(t * num_classes + p, minlength=num_classes * num_classes)
    return flat.reshape(num_classes, num_classes)
