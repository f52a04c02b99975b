import numpy as np


def pairwise_distances(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """The n x m matrix of Euclidean distances between the rows of A and the rows of B."""
    raise NotImplementedError
