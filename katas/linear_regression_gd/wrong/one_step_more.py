# expect: failed
# range(steps + 1): one step too many.
import numpy as np


def linear_regression_gd(X, y, lr, steps):
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps + 1):
        r = X @ w + b - y
        w, b = w - lr * (2.0 / n) * X.T @ r, b - lr * (2.0 / n) * r.sum()
    return w, float(b)
