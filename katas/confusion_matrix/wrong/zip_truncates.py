# expect: failed
# zip stops at the shorter list, so different lengths go unnoticed.
import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    counts = np.zeros((num_classes, num_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts
