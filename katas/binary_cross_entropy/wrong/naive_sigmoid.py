# expect: failed
# The textbook formula: sigmoid(40) is exactly 1.0, so log(1 - p) is log(0) = -inf.
import numpy as np


def binary_cross_entropy(logits, labels):
    p = 1 / (1 + np.exp(-logits))
    return float(-np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p)))
