import numpy as np


def cosine_top_k(query: np.ndarray, items: np.ndarray, k: int) -> list[int]:
    """Indices of the k rows of items most cosine-similar to query, most similar first."""
    similarity = (items @ query) / (np.linalg.norm(items, axis=1) * np.linalg.norm(query))
    return np.argsort(-similarity, kind="stable")[:k].tolist()
