import numpy as np


def kfold_indices(n: int, k: int) -> list[tuple[list[int], list[int]]]:
    """np.array_split gives the first n % k pieces one extra element, as asked."""
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    positions = np.arange(n)
    return [
        (np.setdiff1d(positions, fold).tolist(), fold.tolist())
        for fold in np.array_split(positions, k)
    ]
