import heapq
import math

import numpy as np


def cosine_top_k(query: np.ndarray, items: np.ndarray, k: int) -> list[int]:
    """Plain Python similarities and heapq.nlargest."""
    q = query.tolist()
    q_norm = math.sqrt(sum(v * v for v in q))
    scores = []
    for row in items.tolist():
        dot = sum(a * b for a, b in zip(q, row, strict=True))
        scores.append(dot / (q_norm * math.sqrt(sum(v * v for v in row))))
    return heapq.nlargest(k, range(len(scores)), key=scores.__getitem__)
