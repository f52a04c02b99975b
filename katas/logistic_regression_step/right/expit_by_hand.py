import numpy as np


def logistic_regression_step(
    X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, lr: float
) -> tuple[np.ndarray, float]:
    """The textbook sigmoid with overflow silenced (1 / (1 + inf) is 0, which is right)."""
    with np.errstate(over="ignore"):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    grad = p - y
    return w - lr * np.mean(grad[:, None] * X, axis=0), float(b - lr * np.mean(grad))
