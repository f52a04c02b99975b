import numpy as np


def permutation_test(a: list[int], b: list[int], n_permutations: int, seed: int) -> float:
    """All shuffles at once: a matrix of permuted positions, then integer row sums."""
    rng = np.random.default_rng(seed)
    pooled = np.array(a + b, dtype=np.int64)
    n, n_a = len(pooled), len(a)
    order = rng.permuted(np.tile(np.arange(n), (n_permutations, 1)), axis=1)
    sums_a = pooled[order[:, :n_a]].sum(axis=1)
    # |mean_a - mean_b| = |n * sum_a - n_a * total| / (n_a * n_b): compare the integer
    # numerators, exact (below 2**63 for this contract), so ties stay ties without slack.
    total = int(pooled.sum())
    observed = abs(n * sum(a) - n_a * total)
    at_least = int(np.sum(np.abs(n * sums_a - n_a * total) >= observed))
    return (1 + at_least) / (1 + n_permutations)
