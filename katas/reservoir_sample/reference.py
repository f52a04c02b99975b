import numpy as np


def reservoir_sample(stream: list, k: int, seed: int) -> list:
    """A uniform sample of min(k, n) items, without replacement, in one pass over stream."""
    rng = np.random.default_rng(seed)
    reservoir: list = []
    for seen, item in enumerate(stream, start=1):
        if len(reservoir) < k:
            reservoir.append(item)
        else:
            # Algorithm R: the seen-th item enters with probability k / seen, replacing a
            # uniformly chosen slot; by induction every item stays with probability k / n.
            slot = int(rng.integers(0, seen))
            if slot < k:
                reservoir[slot] = item
    return reservoir
