# expect: failed
# Mann-Whitney with argsort ranks: tied scores get different ranks instead of their mean.
import numpy as np


def roc_auc(labels, scores):
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    p = int((y == 1).sum())
    n = len(y) - p
    if p == 0 or n == 0:
        raise ValueError("need both classes")
    ranks = np.empty(len(s))
    ranks[np.argsort(s, kind="stable")] = np.arange(1, len(s) + 1)
    return float((ranks[y == 1].sum() - p * (p + 1) / 2) / (p * n))
