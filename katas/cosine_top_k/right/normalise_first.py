import numpy as np


def cosine_top_k(query: np.ndarray, items: np.ndarray, k: int) -> list[int]:
    """Normalise everything, then dot products; argpartition for the top k, then sort them."""
    unit_items = items / np.linalg.norm(items, axis=1, keepdims=True)
    similarity = unit_items @ (query / np.linalg.norm(query))
    top = np.argpartition(-similarity, k - 1)[:k]
    return top[np.argsort(-similarity[top])].tolist()
