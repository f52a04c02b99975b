# expect: failed
# No check for a missing class: 0 / 0 gives nan (with a warning) instead of ValueError.
import numpy as np


def roc_auc(labels, scores):
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    diff = pos[:, None] - neg[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)
