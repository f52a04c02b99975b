def kfold_indices(n: int, k: int) -> list[tuple[list[int], list[int]]]:
    """(train, test) position lists for k consecutive folds; the first n % k folds are larger."""
    raise NotImplementedError
