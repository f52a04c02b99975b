# expect: failed
# log1p(e**-z) for the positive class is right, but for the negative class it uses
# log1p(-sigmoid(z)), which loses everything once sigmoid(z) rounds to 1.
import numpy as np


def binary_cross_entropy(logits, labels):
    pos = np.log1p(np.exp(-np.abs(logits))) + np.maximum(-logits, 0)
    neg = -np.log1p(-1 / (1 + np.exp(-logits)))
    return float(np.mean(np.where(labels == 1, pos, neg)))
