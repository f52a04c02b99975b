import numpy as np


def roc_auc(labels: list[int] | np.ndarray, scores: list[float] | np.ndarray) -> float:
    """The ROC curve itself: one point per distinct threshold, then the trapezoid rule."""
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    p = int((y == 1).sum())
    n = len(y) - p
    if p == 0 or n == 0:
        raise ValueError("need both classes")
    order = np.argsort(-s, kind="stable")
    y, s = y[order], s[order]
    last_of_group = np.r_[s[1:] != s[:-1], True]
    tp = np.cumsum(y == 1)[last_of_group]
    fp = np.cumsum(y == 0)[last_of_group]
    tpr = np.r_[0.0, tp / p]
    fpr = np.r_[0.0, fp / n]
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))
