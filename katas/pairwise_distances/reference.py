import numpy as np


def pairwise_distances(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """The n x m matrix of Euclidean distances between the rows of A and the rows of B."""
    # Broadcasting the differences to (n, m, d) is exact up to one rounding per term; it costs
    # n * m * d memory, which the contract's sizes allow, so it can serve as the oracle.
    differences = A[:, np.newaxis, :] - B[np.newaxis, :, :]
    return np.sqrt(np.sum(differences**2, axis=-1))
