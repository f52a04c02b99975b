import numpy as np


def pairwise_distances(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """np.linalg.norm over the last axis of the broadcast differences."""
    return np.linalg.norm(A[:, None, :] - B[None, :, :], axis=-1).reshape(len(A), len(B))
