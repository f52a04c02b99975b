# expect: failed
# Right split, but the test positions come back in shuffled order.
import math

import numpy as np


def stratified_split(labels, test_fraction, seed):
    rng = np.random.default_rng(seed)
    test = []
    for label in dict.fromkeys(labels):
        positions = [i for i, x in enumerate(labels) if x == label]
        test += rng.permutation(positions)[: math.floor(len(positions) * test_fraction)].tolist()
    chosen = set(test)
    return [i for i in range(len(labels)) if i not in chosen], test
