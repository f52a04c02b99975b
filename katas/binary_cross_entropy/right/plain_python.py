import math

import numpy as np


def binary_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """One example at a time, choosing the form of the loss that cannot overflow."""
    total = 0.0
    for z, y in zip(logits.tolist(), labels.tolist(), strict=True):
        s = -z if y == 1 else z  # the loss is log(1 + e**s)
        total += s + math.log1p(math.exp(-s)) if s > 0 else math.log1p(math.exp(s))
    return total / len(logits)
