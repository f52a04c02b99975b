import numpy as np


def linear_regression_gd(
    X: np.ndarray, y: np.ndarray, lr: float, steps: int
) -> tuple[np.ndarray, float]:
    """(w, b) after `steps` simultaneous gradient steps on the mean squared error, from zero."""
    raise NotImplementedError
