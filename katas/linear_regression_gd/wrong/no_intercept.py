# expect: failed
# Never updates b.
import numpy as np


def linear_regression_gd(X, y, lr, steps):
    n = len(X)
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        w = w - lr * (2.0 / n) * X.T @ (X @ w - y)
    return w, 0.0
