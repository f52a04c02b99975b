# expect: failed
# Resamples without replacement: every resample is a permutation, so every mean is the same.
import numpy as np


def bootstrap_ci(data, n_resamples, confidence, seed):
    rng = np.random.default_rng(seed)
    values = np.asarray(data, dtype=float)
    means = [rng.permutation(values).mean() for _ in range(n_resamples)]
    tail = (1 - confidence) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)
