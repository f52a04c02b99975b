import numpy as np


def precision_recall_f1(
    y_true: list[int] | np.ndarray, y_pred: list[int] | np.ndarray
) -> tuple[float, float, float]:
    """Precision and recall first, then F1 as their harmonic mean."""
    tp = fp = fn = 0
    for t, p in zip(y_true, y_pred, strict=True):
        tp += t == 1 and p == 1
        fp += t == 0 and p == 1
        fn += t == 1 and p == 0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)
