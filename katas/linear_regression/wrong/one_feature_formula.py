# expect: failed
# The slope formula for one feature, applied to each feature on its own: right for d = 1,
# wrong when the features are correlated.
import numpy as np


def linear_regression(X, y):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    w = (Xc * (y - y_mean)[:, None]).sum(axis=0) / (Xc**2).sum(axis=0)
    return np.concatenate([[y_mean - x_mean @ w], w])
