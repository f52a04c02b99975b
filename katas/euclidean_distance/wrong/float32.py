# expect: failed
# Computes in float32: about 7 significant digits, far from the 1e-9 asked for.
import numpy as np


def euclidean_distance(a, b):
    if len(a) != len(b):
        raise ValueError("lengths differ")
    diff = np.asarray(a, dtype=np.float32) - np.asarray(b, dtype=np.float32)
    return float(np.sqrt(np.sum(diff * diff)))
