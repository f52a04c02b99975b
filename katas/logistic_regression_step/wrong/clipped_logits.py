# expect: failed
# Clips probabilities to [1e-7, 1 - 1e-7] "for stability": the gradient of a saturated,
# right prediction is no longer zero.
import numpy as np


def logistic_regression_step(X, y, w, b, lr):
    with np.errstate(over="ignore"):
        p = np.clip(1.0 / (1.0 + np.exp(-(X @ w + b))), 1e-7, 1 - 1e-7)
    error = p - y
    return w - lr * X.T @ error / len(X), float(b - lr * error.mean())
