import math

import numpy as np


def binary_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean binary cross-entropy of sigmoid(logits) against 0/1 labels, computed stably."""
    # Per example the loss is log(1 + e**-z) for y = 1 and log(1 + e**z) for y = 0, that is
    # softplus(s) with s = z for y = 0 and -z for y = 1; softplus(s) = max(s, 0) + log1p(e**-|s|)
    # never overflows and keeps its precision for large |s|. fsum adds without drift.
    signed = np.where(labels == 1, -logits, logits)
    losses = np.maximum(signed, 0.0) + np.log1p(np.exp(-np.abs(signed)))
    return math.fsum(losses.tolist()) / len(losses)
