from itertools import pairwise


def kfold_indices(n: int, k: int) -> list[tuple[list[int], list[int]]]:
    """Fold boundaries from divmod, then slices of one list."""
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    size, extra = divmod(n, k)
    bounds = [0]
    for fold in range(k):
        bounds.append(bounds[-1] + size + (fold < extra))
    everything = list(range(n))
    return [(everything[:a] + everything[b:], everything[a:b]) for a, b in pairwise(bounds)]
