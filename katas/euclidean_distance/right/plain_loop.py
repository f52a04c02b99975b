from collections.abc import Sequence

import numpy as np


def euclidean_distance(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """A plain loop; zip(strict=True) raises ValueError when the lengths differ."""
    total = 0.0
    for x, y in zip(a, b, strict=True):
        total += (x - y) ** 2
    return float(total**0.5)
