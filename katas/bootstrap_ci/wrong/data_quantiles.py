# expect: failed
# Quantiles of the data itself, not of the resampled means: far too wide.
import numpy as np


def bootstrap_ci(data, n_resamples, confidence, seed):
    tail = (1 - confidence) / 2
    low, high = np.quantile(np.asarray(data, dtype=float), [tail, 1 - tail])
    return float(low), float(high)
