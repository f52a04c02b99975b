# expect: failed
# Treats a column as constant only when its computed sigma is exactly 0: a column of 0.1s
# has sigma 1.4e-17 and comes out as -1s.
import numpy as np


def standardize(X):
    sigma = X.std(axis=0)
    return np.where(sigma == 0, 0.0, (X - X.mean(axis=0)) / np.where(sigma == 0, 1.0, sigma))
