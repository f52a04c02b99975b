# expect: failed
# Draws r from 1..total inclusive but searches with bisect_right: every slot shifts by one.
from bisect import bisect_right
from itertools import accumulate

import numpy as np


def weighted_sample(weights, count, seed):
    rng = np.random.default_rng(seed)
    prefix = list(accumulate(weights))
    return [min(bisect_right(prefix, int(r)), len(weights) - 1)
            for r in rng.integers(1, prefix[-1] + 1, size=count)]
