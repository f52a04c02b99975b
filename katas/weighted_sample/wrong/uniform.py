# expect: failed
# Ignores the weights except to skip the zeros: every other index equally likely.
import numpy as np


def weighted_sample(weights, count, seed):
    rng = np.random.default_rng(seed)
    allowed = [i for i, w in enumerate(weights) if w > 0]
    return [allowed[int(j)] for j in rng.integers(0, len(allowed), size=count)]
