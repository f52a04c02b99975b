# expect: failed
# Enters with the right probability k / (i + 1) but always replaces the most recent slot:
# the first k - 1 items are then kept far too often.
import numpy as np


def reservoir_sample(stream, k, seed):
    rng = np.random.default_rng(seed)
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        elif rng.random() < k / (i + 1):
            reservoir[-1] = item
    return reservoir
