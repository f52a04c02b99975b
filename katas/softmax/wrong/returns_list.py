# expect: failed
# Right values, but returns a list of lists rather than the numpy array the contract asks for.
import numpy as np


def softmax(x):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True, initial=-np.inf))
    return (e / e.sum(axis=-1, keepdims=True)).tolist()
