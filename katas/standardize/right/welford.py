import numpy as np


def standardize(X: np.ndarray) -> np.ndarray:
    """Welford's one-pass running mean and variance, column by column in plain Python."""
    n, d = X.shape
    result = np.zeros((n, d))
    for j in range(d):
        column = X[:, j].tolist()
        mean = m2 = 0.0
        for count, x in enumerate(column, start=1):
            delta = x - mean
            mean += delta / count
            m2 += delta * (x - mean)
        if min(column) == max(column):
            continue
        sigma = (m2 / n) ** 0.5
        result[:, j] = [(x - mean) / sigma for x in column]
    return result
