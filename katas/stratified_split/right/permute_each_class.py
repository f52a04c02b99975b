import numpy as np


def stratified_split(
    labels: list, test_fraction: float, seed: int
) -> tuple[list[int], list[int]]:
    """Shuffle each class's positions, put the first floor(n_c * f) of them in test."""
    rng = np.random.default_rng(seed)
    in_test = np.zeros(len(labels), dtype=bool)
    for label in dict.fromkeys(labels):
        positions = np.array([i for i, x in enumerate(labels) if x == label])
        count = int(len(positions) * test_fraction)  # floor for a non-negative number
        in_test[rng.permutation(positions)[:count]] = True
    return np.flatnonzero(~in_test).tolist(), np.flatnonzero(in_test).tolist()
