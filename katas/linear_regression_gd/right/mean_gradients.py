import numpy as np


def linear_regression_gd(
    X: np.ndarray, y: np.ndarray, lr: float, steps: int
) -> tuple[np.ndarray, float]:
    """Gradients as means over the examples, kept in temporaries before either update."""
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        error = X @ w + b - y
        grad_w = 2.0 * (error[:, None] * X).mean(axis=0)
        grad_b = 2.0 * error.mean()
        w -= lr * grad_w
        b -= lr * grad_b
    return w, float(b)
