# expect: failed
# np.random.choice uses numpy's global generator: the seed is ignored.
import numpy as np


def weighted_sample(weights, count, seed):
    p = np.array(weights, dtype=float)
    return np.random.choice(len(weights), size=count, p=p / p.sum()).tolist()
