import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e**-z) without overflow: e**-|z| is never larger than 1."""
    small = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))


def logistic_regression_step(
    X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, lr: float
) -> tuple[np.ndarray, float]:
    """(w, b) after one gradient-descent step on the mean binary cross-entropy."""
    error = _sigmoid(X @ w + b) - y  # dL/dz_i, times n
    n = len(X)
    return w - lr * (X.T @ error) / n, float(b - lr * error.sum() / n)
