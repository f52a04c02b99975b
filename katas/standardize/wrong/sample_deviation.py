# expect: failed
# Divides by n - 1 (ddof=1, the sample standard deviation) where the contract says n.
import numpy as np


def standardize(X):
    constant = X.max(axis=0) == X.min(axis=0)
    sigma = np.where(constant, 1.0, X.std(axis=0, ddof=1) if len(X) > 1 else 1.0)
    return np.where(constant, 0.0, (X - X.mean(axis=0)) / sigma)
