import numpy as np


def standardize(X: np.ndarray) -> np.ndarray:
    """numpy's mean and std (two-pass, ddof=0); constant columns found by comparing values."""
    constant = (X.max(axis=0) == X.min(axis=0))
    sigma = np.where(constant, 1.0, X.std(axis=0))
    return np.where(constant, 0.0, (X - X.mean(axis=0)) / sigma)
