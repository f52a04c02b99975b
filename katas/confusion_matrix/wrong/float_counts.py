# expect: failed
# Right counts, but as floats (np.zeros' default): counts are integers.
import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    if len(y_true) != len(y_pred):
        raise ValueError("lengths differ")
    counts = np.zeros((num_classes, num_classes))
    np.add.at(counts, (np.asarray(y_true, dtype=int), np.asarray(y_pred, dtype=int)), 1)
    return counts
