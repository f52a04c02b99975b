# expect: failed
# Updates w, then computes b's gradient with the new w: not a simultaneous step.
import numpy as np


def linear_regression_gd(X, y, lr, steps):
    n = len(X)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        w = w - lr * (2.0 / n) * X.T @ (X @ w + b - y)
        b = b - lr * (2.0 / n) * (X @ w + b - y).sum()
    return w, float(b)
