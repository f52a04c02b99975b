# expect: failed
# round() instead of floor: 0.9 of an example becomes one.
import numpy as np


def stratified_split(labels, test_fraction, seed):
    rng = np.random.default_rng(seed)
    in_test = np.zeros(len(labels), dtype=bool)
    for label in dict.fromkeys(labels):
        positions = np.array([i for i, x in enumerate(labels) if x == label])
        in_test[rng.permutation(positions)[: round(len(positions) * test_fraction)]] = True
    return np.flatnonzero(~in_test).tolist(), np.flatnonzero(in_test).tolist()
