# expect: failed
# counts[t, p] += 1 with index arrays: a pair that repeats is counted once.
import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    if len(y_true) != len(y_pred):
        raise ValueError("lengths differ")
    counts = np.zeros((num_classes, num_classes), dtype=int)
    counts[np.asarray(y_true, dtype=int), np.asarray(y_pred, dtype=int)] += 1
    return counts
