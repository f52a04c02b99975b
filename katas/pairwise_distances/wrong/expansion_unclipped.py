# expect: failed
# The expansion without clipping: a tiny negative squared distance becomes nan.
import numpy as np


def pairwise_distances(A, B):
    squared = (A**2).sum(axis=1)[:, None] + (B**2).sum(axis=1)[None, :] - 2.0 * A @ B.T
    return np.sqrt(squared)
