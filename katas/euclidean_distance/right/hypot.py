import math
from collections.abc import Sequence

import numpy as np


def euclidean_distance(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """math.hypot takes any number of coordinates and avoids overflow in the squares."""
    if len(a) != len(b):
        raise ValueError("a and b must have the same length")
    return math.hypot(*(x - y for x, y in zip(a, b, strict=True)))
