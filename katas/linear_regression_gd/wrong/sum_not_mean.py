# expect: failed
# The gradient of the summed (not mean) squared error: steps n times too long.
import numpy as np


def linear_regression_gd(X, y, lr, steps):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        r = X @ w + b - y
        w, b = w - lr * 2.0 * X.T @ r, b - lr * 2.0 * r.sum()
    return w, float(b)
