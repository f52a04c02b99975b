# expect: failed
# Ranks by the raw dot product: long vectors win whatever their direction.
import numpy as np


def cosine_top_k(query, items, k):
    return np.argsort(-(items @ query), kind="stable")[:k].tolist()
