# expect: failed
# Stable, but in float32: about 7 significant digits, short of the 1e-9 asked for.
import numpy as np


def softmax(x):
    x = x.astype(np.float32)
    e = np.exp(x - np.max(x, axis=-1, keepdims=True, initial=-np.inf))
    return e / e.sum(axis=-1, keepdims=True)
