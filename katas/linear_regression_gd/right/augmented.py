import numpy as np


def linear_regression_gd(
    X: np.ndarray, y: np.ndarray, lr: float, steps: int
) -> tuple[np.ndarray, float]:
    """The intercept as a weight on a column of ones: one vector, one update."""
    A = np.column_stack([np.ones(len(X)), X])
    beta = np.zeros(A.shape[1])
    for _ in range(steps):
        beta = beta - lr * 2.0 * A.T @ (A @ beta - y) / len(X)
    return beta[1:], float(beta[0])
