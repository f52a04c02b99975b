# expect: failed
# Sweeps the sorted list one example at a time: a tied group becomes a staircase whose
# area depends on the order the sort left it in.
import numpy as np


def roc_auc(labels, scores):
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    p = int((y == 1).sum())
    n = len(y) - p
    if p == 0 or n == 0:
        raise ValueError("need both classes")
    order = np.argsort(-s, kind="stable")
    tpr = np.r_[0.0, np.cumsum(y[order] == 1) / p]
    fpr = np.r_[0.0, np.cumsum(y[order] == 0) / n]
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))
