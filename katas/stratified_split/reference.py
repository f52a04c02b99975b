import math
from collections import defaultdict

import numpy as np


def stratified_split(
    labels: list, test_fraction: float, seed: int
) -> tuple[list[int], list[int]]:
    """(train, test) positions; each class puts floor(n_c * f) random positions in test."""
    rng = np.random.default_rng(seed)
    by_class: defaultdict[object, list[int]] = defaultdict(list)
    for position, label in enumerate(labels):
        by_class[label].append(position)
    test: list[int] = []
    for positions in by_class.values():
        count = math.floor(len(positions) * test_fraction)
        chosen = rng.choice(len(positions), size=count, replace=False)
        test.extend(positions[i] for i in chosen)
    chosen_set = set(test)
    train = [p for p in range(len(labels)) if p not in chosen_set]
    return train, sorted(test)
