# expect: failed
# A random split of the whole list: the classes' shares drift.
import numpy as np


def stratified_split(labels, test_fraction, seed):
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(labels))
    cut = int(len(labels) * test_fraction)
    return sorted(order[cut:].tolist()), sorted(order[:cut].tolist())
