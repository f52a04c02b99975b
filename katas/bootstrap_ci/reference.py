import numpy as np


def bootstrap_ci(
    data: list[float], n_resamples: int, confidence: float, seed: int
) -> tuple[float, float]:
    """Percentile bootstrap interval for the mean; randomness from default_rng(seed)."""
    rng = np.random.default_rng(seed)
    values = np.asarray(data, dtype=np.float64)
    picks = rng.integers(0, len(values), size=(n_resamples, len(values)))
    means = values[picks].mean(axis=1)
    tail = (1 - confidence) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)
