import numpy as np


def standardize(X: np.ndarray) -> np.ndarray:
    """Each column shifted to mean 0 and scaled to (population) standard deviation 1."""
    # Two passes (mean, then the spread around it) keep the precision the one-pass formula
    # loses; constancy is decided on the values themselves, not on a rounded sigma.
    centred = X - X.mean(axis=0)
    sigma = np.sqrt((centred**2).mean(axis=0))
    constant = np.ptp(X, axis=0) == 0  # exact: distinct floats never differ by 0
    return np.where(constant, 0.0, centred / np.where(constant, 1.0, sigma))
