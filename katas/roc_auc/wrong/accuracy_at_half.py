# expect: failed
# Thresholds at 0.5 and reports accuracy: one point, not the area under the curve.
import numpy as np


def roc_auc(labels, scores):
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    if y.min(initial=1) == y.max(initial=0):
        raise ValueError("need both classes")
    return float(((s >= 0.5) == (y == 1)).mean())
