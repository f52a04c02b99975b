# expect: failed
# Subtracts row i of B from row i of A (no new axis): distances between matching rows only.
import numpy as np


def pairwise_distances(A, B):
    k = min(len(A), len(B))
    return np.sqrt(((A[:k] - B[:k]) ** 2).sum(axis=-1))
