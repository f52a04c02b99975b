import math

import numpy as np


def bootstrap_ci(
    data: list[float], n_resamples: int, confidence: float, seed: int
) -> tuple[float, float]:
    """Sort the resampled means and read off order statistics (no interpolation)."""
    rng = np.random.default_rng(seed)
    values = np.asarray(data, dtype=float)
    means = np.sort(rng.choice(values, size=(n_resamples, len(values))).mean(axis=1))
    tail = (1 - confidence) / 2
    low = means[max(0, math.floor(tail * n_resamples))]
    high = means[min(n_resamples - 1, math.ceil((1 - tail) * n_resamples) - 1)]
    return float(low), float(high)
