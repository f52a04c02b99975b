import numpy as np


def pairwise_distances(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """|a|^2 + |b|^2 - 2 a.b from one matrix product, clipped at 0 before the square root."""
    squared = (A**2).sum(axis=1)[:, None] + (B**2).sum(axis=1)[None, :] - 2.0 * A @ B.T
    return np.sqrt(np.maximum(squared, 0.0))
