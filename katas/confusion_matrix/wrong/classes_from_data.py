# expect: failed
# Sizes the matrix by the largest label seen, not num_classes.
import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    if len(y_true) != len(y_pred):
        raise ValueError("lengths differ")
    k = max([*y_true, *y_pred], default=-1) + 1
    counts = np.zeros((k, k), dtype=int)
    np.add.at(counts, (np.asarray(y_true, dtype=int), np.asarray(y_pred, dtype=int)), 1)
    return counts
