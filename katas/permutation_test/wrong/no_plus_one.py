# expect: failed
# hits / N: a p-value of exactly 0 when no shuffle is as extreme.
import numpy as np


def permutation_test(a, b, n_permutations, seed):
    rng = np.random.default_rng(seed)
    pooled = np.array(a + b, dtype=float)
    k = len(a)
    observed = abs(pooled[:k].mean() - pooled[k:].mean())
    hits = 0
    for _ in range(n_permutations):
        s = rng.permutation(pooled)
        hits += abs(s[:k].mean() - s[k:].mean()) >= observed
    return hits / n_permutations
