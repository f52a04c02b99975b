import numpy as np


def permutation_test(a: list[int], b: list[int], n_permutations: int, seed: int) -> float:
    """Pick the new group a as a random subset (rng.choice without replacement)."""
    rng = np.random.default_rng(seed)
    pooled = a + b
    total, n_a, n_b = sum(pooled), len(a), len(b)

    def statistic(sum_a: int) -> float:
        return abs(sum_a / n_a - (total - sum_a) / n_b)

    observed = statistic(sum(a))
    hits = 0
    for _ in range(n_permutations):
        chosen = rng.choice(len(pooled), size=n_a, replace=False)
        hits += statistic(sum(pooled[i] for i in chosen)) >= observed - 1e-9
    return (1 + hits) / (1 + n_permutations)
