# expect: failed
# One-sided: counts only shuffles where a's mean beats b's by as much, halving p.
import numpy as np


def permutation_test(a, b, n_permutations, seed):
    rng = np.random.default_rng(seed)
    pooled = np.array(a + b, dtype=float)
    k = len(a)
    observed = pooled[:k].mean() - pooled[k:].mean()
    hits = 0
    for _ in range(n_permutations):
        s = rng.permutation(pooled)
        hits += s[:k].mean() - s[k:].mean() >= observed
    return (1 + hits) / (1 + n_permutations)
