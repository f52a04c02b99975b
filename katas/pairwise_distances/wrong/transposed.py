# expect: failed
# Broadcasts the other way round: an m x n answer.
import numpy as np


def pairwise_distances(A, B):
    return np.sqrt(((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1))
