def permutation_test(a: list[int], b: list[int], n_permutations: int, seed: int) -> float:
    """Two-sided permutation p-value of the difference in means, from default_rng(seed)."""
    raise NotImplementedError
