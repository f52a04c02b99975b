# expect: failed
# Counts the classes from the labels seen (max + 1) instead of using num_classes.
import numpy as np


def one_hot(labels, num_classes):
    index = np.asarray(labels, dtype=np.int64)
    if index.size and (index.min() < 0 or index.max() >= num_classes):
        raise ValueError("label out of range")
    k = int(index.max()) + 1 if index.size else 0
    return np.eye(k, dtype=int)[index].reshape(len(index), k)
