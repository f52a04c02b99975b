# expect: failed
# The gradient of the squared error through the sigmoid: an extra factor p (1 - p).
import numpy as np


def logistic_regression_step(X, y, w, b, lr):
    with np.errstate(over="ignore"):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    error = (p - y) * p * (1 - p)
    return w - lr * X.T @ error / len(X), float(b - lr * error.mean())
