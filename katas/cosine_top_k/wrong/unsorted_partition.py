# expect: failed
# argpartition finds the top k but leaves them in no particular order.
import numpy as np


def cosine_top_k(query, items, k):
    similarity = (items @ query) / (np.linalg.norm(items, axis=1) * np.linalg.norm(query))
    return np.argpartition(similarity, len(similarity) - k)[len(similarity) - k :].tolist()
