# expect: failed
# Counts only strict wins: a tie counts 0 instead of one half.
import numpy as np


def roc_auc(labels, scores):
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("need both classes")
    return float((pos[:, None] > neg[None, :]).mean())
