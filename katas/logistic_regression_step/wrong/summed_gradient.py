# expect: failed
# The gradient of the summed loss, not the mean: a step n times too long.
import numpy as np


def logistic_regression_step(X, y, w, b, lr):
    with np.errstate(over="ignore"):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    error = p - y
    return w - lr * X.T @ error, float(b - lr * error.sum())
