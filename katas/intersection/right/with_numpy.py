import numpy as np


def intersection(xs, ys):
    if not xs or not ys:
        return []
    return [int(v) for v in np.intersect1d(np.array(xs, dtype=object), np.array(ys, dtype=object))]
