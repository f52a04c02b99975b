# expect: failed
# Drops the 2 from the derivative of the square: every step is half as long.
import numpy as np


def linear_regression_gd(X, y, lr, steps):
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        r = X @ w + b - y
        w, b = w - lr * X.T @ r / n, b - lr * r.sum() / n
    return w, float(b)
