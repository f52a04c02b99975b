# expect: failed
# Predicts with X @ w alone, leaving b out of the sigmoid.
import numpy as np


def logistic_regression_step(X, y, w, b, lr):
    with np.errstate(over="ignore"):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
    error = p - y
    return w - lr * X.T @ error / len(X), float(b - lr * error.mean())
