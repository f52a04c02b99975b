import math
from collections.abc import Sequence

import numpy as np


def euclidean_distance(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """Return the Euclidean distance between a and b; ValueError if their lengths differ."""
    if len(a) != len(b):
        raise ValueError(f"a has {len(a)} coordinates but b has {len(b)}")
    # fsum adds the squares without rounding error piling up, so this can serve as the oracle.
    return math.sqrt(math.fsum((float(x) - float(y)) ** 2 for x, y in zip(a, b, strict=True)))
