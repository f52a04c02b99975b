import numpy as np


def weighted_sample(weights: list[int], count: int, seed: int) -> np.ndarray:
    """Cumulative float weights and searchsorted on uniform draws in [0, total)."""
    rng = np.random.default_rng(seed)
    cumulative = np.cumsum(np.array(weights, dtype=float))
    return np.searchsorted(cumulative, rng.random(count) * cumulative[-1], side="right")
