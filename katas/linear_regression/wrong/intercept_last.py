# expect: failed
# Appends the column of ones at the end: the intercept comes out last, not first.
import numpy as np


def linear_regression(X, y):
    A = np.column_stack([X, np.ones(len(X))])
    beta, *_ = np.linalg.lstsq(A, y, rcond=None)
    return beta
