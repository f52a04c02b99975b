# expect: failed
# Stable, but the sum of the losses rather than their mean.
import numpy as np


def binary_cross_entropy(logits, labels):
    s = np.where(labels == 1, -logits, logits)
    return float(np.sum(np.logaddexp(0.0, s)))
