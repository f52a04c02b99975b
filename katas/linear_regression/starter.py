import numpy as np


def linear_regression(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least-squares [intercept, w_1, ..., w_d] for y ~ intercept + X @ w."""
    raise NotImplementedError
