# expect: failed
# No special case: a constant column is 0 / 0 = nan.
import numpy as np


def standardize(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)
