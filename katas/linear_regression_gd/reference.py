import numpy as np


def linear_regression_gd(
    X: np.ndarray, y: np.ndarray, lr: float, steps: int
) -> tuple[np.ndarray, float]:
    """(w, b) after `steps` simultaneous gradient steps on the mean squared error, from zero."""
    n = len(X)
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(steps):
        residuals = X @ w + b - y
        w, b = w - lr * (2.0 / n) * (X.T @ residuals), b - lr * (2.0 / n) * residuals.sum()
    return w, float(b)
