# expect: failed
# Sorts ascending: the k least similar items.
import numpy as np


def cosine_top_k(query, items, k):
    similarity = (items @ query) / (np.linalg.norm(items, axis=1) * np.linalg.norm(query))
    return np.argsort(similarity, kind="stable")[:k].tolist()
