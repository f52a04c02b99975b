import numpy as np


def roc_auc(labels: list[int] | np.ndarray, scores: list[float] | np.ndarray) -> float:
    """Mann-Whitney U from average ranks: tied scores share the mean of their ranks."""
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    p = int((y == 1).sum())
    n = len(y) - p
    if p == 0 or n == 0:
        raise ValueError("need both classes")
    _, group, counts = np.unique(s, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    average_rank = ends - (counts - 1) / 2.0  # ranks start at 1
    ranks = average_rank[group.reshape(-1)]
    return float((ranks[y == 1].sum() - p * (p + 1) / 2) / (p * n))
