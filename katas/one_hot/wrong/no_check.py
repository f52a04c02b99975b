# expect: failed
# No range check at all: numpy raises IndexError, not the ValueError the contract asks for.
import numpy as np


def one_hot(labels, num_classes):
    matrix = np.zeros((len(labels), num_classes), dtype=int)
    matrix[np.arange(len(labels)), np.asarray(labels, dtype=np.int64)] = 1
    return matrix
