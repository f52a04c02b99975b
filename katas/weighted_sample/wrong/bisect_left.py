# expect: failed
# bisect_left with r in [0, total): r on a slot's upper edge goes to the wrong index, and an
# index of weight 0 right before it can be drawn.
from bisect import bisect_left
from itertools import accumulate

import numpy as np


def weighted_sample(weights, count, seed):
    rng = np.random.default_rng(seed)
    prefix = list(accumulate(weights))
    return [bisect_left(prefix, int(r)) for r in rng.integers(0, prefix[-1], size=count)]
