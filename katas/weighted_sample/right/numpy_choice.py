import numpy as np


def weighted_sample(weights: list[int], count: int, seed: int) -> list[int]:
    """Generator.choice with normalised probabilities."""
    rng = np.random.default_rng(seed)
    p = np.array(weights, dtype=float)
    return rng.choice(len(weights), size=count, p=p / p.sum()).tolist()
