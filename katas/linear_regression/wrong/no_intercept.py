# expect: failed
# Fits through the origin and reports intercept 0.
import numpy as np


def linear_regression(X, y):
    w, *_ = np.linalg.lstsq(X, y, rcond=None)
    return np.concatenate([[0.0], w])
