import numpy as np


def bootstrap_ci(
    data: list[float], n_resamples: int, confidence: float, seed: int
) -> tuple[float, float]:
    """One resample at a time with rng.choice; np.percentile on the means."""
    rng = np.random.default_rng(seed)
    values = np.asarray(data, dtype=float)
    means = [rng.choice(values, size=len(values), replace=True).mean() for _ in range(n_resamples)]
    alpha = 100 * (1 - confidence) / 2
    low, high = np.percentile(means, [alpha, 100 - alpha])
    return float(low), float(high)
