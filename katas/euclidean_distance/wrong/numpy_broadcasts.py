# expect: failed
# Trusts numpy to reject different lengths; it broadcasts a length-1 (or empty) array instead.
import numpy as np


def euclidean_distance(a, b):
    return float(np.linalg.norm(np.asarray(a, dtype=float) - np.asarray(b, dtype=float)))
