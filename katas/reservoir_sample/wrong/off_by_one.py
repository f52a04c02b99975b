# expect: failed
# Draws the slot from [0, i) with i counted from 0: the i-th item enters with probability
# k / i, not k / (i + 1), so late items are favoured (for k = 1 the first item never stays).
import numpy as np


def reservoir_sample(stream, k, seed):
    rng = np.random.default_rng(seed)
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        else:
            j = int(rng.integers(0, i))
            if j < k:
                reservoir[j] = item
    return reservoir
