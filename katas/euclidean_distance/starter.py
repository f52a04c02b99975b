from collections.abc import Sequence

import numpy as np


def euclidean_distance(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """Return the Euclidean distance between a and b; ValueError if their lengths differ."""
    raise NotImplementedError
