# expect: failed
# Shifts by the maximum of the whole array, not of each row: a row far below it underflows.
import numpy as np


def softmax(x):
    if x.size == 0:
        return x.copy()
    e = np.exp(x - x.max())
    return e / e.sum(axis=-1, keepdims=True)
