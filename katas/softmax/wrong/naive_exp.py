# expect: failed
# The formula as written: e**1000 overflows to inf, and inf / inf is nan.
import numpy as np


def softmax(x):
    e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)
