# expect: failed
# Rewrites the loss in logits but as log(1 + e**s) directly: e**1000 overflows to inf.
import numpy as np


def binary_cross_entropy(logits, labels):
    s = np.where(labels == 1, -logits, logits)
    return float(np.mean(np.log(1 + np.exp(s))))
