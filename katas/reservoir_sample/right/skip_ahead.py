import numpy as np


def reservoir_sample(stream: list, k: int, seed: int) -> list:
    """Algorithm R with a coin for entry and a separate draw for the slot to replace."""
    rng = np.random.default_rng(seed)
    reservoir: list = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        elif rng.random() < k / (i + 1):
            reservoir[int(rng.integers(0, k))] = item
    return reservoir
