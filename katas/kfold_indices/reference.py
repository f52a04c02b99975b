def kfold_indices(n: int, k: int) -> list[tuple[list[int], list[int]]]:
    """(train, test) position lists for k consecutive folds; the first n % k folds are larger."""
    if not 2 <= k <= n:
        raise ValueError(f"need 2 <= k <= n, got k={k}, n={n}")
    folds = []
    start = 0
    for fold in range(k):
        size = n // k + (1 if fold < n % k else 0)
        stop = start + size
        folds.append((list(range(start)) + list(range(stop, n)), list(range(start, stop))))
        start = stop
    return folds
