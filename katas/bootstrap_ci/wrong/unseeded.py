# expect: failed
# numpy's global generator: the seed is ignored and the interval changes on every call.
import numpy as np


def bootstrap_ci(data, n_resamples, confidence, seed):
    values = np.asarray(data, dtype=float)
    means = np.random.choice(values, size=(n_resamples, len(values))).mean(axis=1)
    tail = (1 - confidence) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)
