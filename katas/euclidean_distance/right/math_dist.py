import math
from collections.abc import Sequence

import numpy as np


def euclidean_distance(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """math.dist does it all, including the ValueError for different lengths."""
    return math.dist(a, b)
