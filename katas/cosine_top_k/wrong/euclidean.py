# expect: failed
# The k nearest by Euclidean distance: not the same ranking unless every vector has length 1.
import numpy as np


def cosine_top_k(query, items, k):
    return np.argsort(np.linalg.norm(items - query, axis=1), kind="stable")[:k].tolist()
