# expect: failed
# Standardises each row (axis=1) instead of each column.
import numpy as np


def standardize(X):
    centred = X - X.mean(axis=1, keepdims=True)
    constant = X.max(axis=1, keepdims=True) == X.min(axis=1, keepdims=True)
    sigma = np.where(constant, 1.0, X.std(axis=1, keepdims=True))
    return np.where(constant, 0.0, centred / sigma)
