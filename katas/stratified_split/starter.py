def stratified_split(
    labels: list, test_fraction: float, seed: int
) -> tuple[list[int], list[int]]:
    """(train, test) positions; each class puts floor(n_c * f) random positions in test."""
    raise NotImplementedError
