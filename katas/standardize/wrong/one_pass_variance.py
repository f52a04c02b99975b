# expect: failed
# sigma**2 = mean(x**2) - mean(x)**2: catastrophic cancellation far from zero.
import numpy as np


def standardize(X):
    mean = X.mean(axis=0)
    variance = np.maximum((X * X).mean(axis=0) - mean * mean, 0.0)
    constant = X.max(axis=0) == X.min(axis=0)
    sigma = np.where(constant, 1.0, np.sqrt(variance))
    return np.where(constant, 0.0, (X - mean) / np.where(sigma == 0, 1.0, sigma))
