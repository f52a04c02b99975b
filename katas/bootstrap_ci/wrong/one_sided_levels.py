# expect: failed
# Takes the (1 - c) and c quantiles: a 90 % interval where 95 % was asked.
import numpy as np


def bootstrap_ci(data, n_resamples, confidence, seed):
    rng = np.random.default_rng(seed)
    values = np.asarray(data, dtype=float)
    means = values[rng.integers(0, len(values), size=(n_resamples, len(values)))].mean(axis=1)
    low, high = np.quantile(means, [1 - confidence, confidence])
    return float(min(low, high)), float(max(low, high))
