# expect: failed
# Uses y - p: a step of gradient ascent, away from the minimum.
import numpy as np


def logistic_regression_step(X, y, w, b, lr):
    with np.errstate(over="ignore"):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    error = y - p
    return w - lr * X.T @ error / len(X), float(b - lr * error.mean())
