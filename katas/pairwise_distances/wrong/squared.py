# expect: failed
# Forgets the square root: squared distances.
import numpy as np


def pairwise_distances(A, B):
    return ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=-1)
