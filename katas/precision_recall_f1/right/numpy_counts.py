import numpy as np


def precision_recall_f1(
    y_true: list[int] | np.ndarray, y_pred: list[int] | np.ndarray
) -> tuple[float, float, float]:
    """Boolean masks and sums; F1 from the counts, 2TP / (2TP + FP + FN)."""
    t = np.asarray(y_true, dtype=bool)
    p = np.asarray(y_pred, dtype=bool)
    tp = int(np.sum(t & p))
    fp = int(np.sum(~t & p))
    fn = int(np.sum(t & ~p))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(precision), float(recall), float(f1)
