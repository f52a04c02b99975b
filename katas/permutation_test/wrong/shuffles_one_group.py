# expect: failed
# Shuffles a on its own: its mean never changes, so every shuffle "ties" and p is 1.
import numpy as np


def permutation_test(a, b, n_permutations, seed):
    rng = np.random.default_rng(seed)
    x, y = np.array(a, dtype=float), np.array(b, dtype=float)
    observed = abs(x.mean() - y.mean())
    hits = sum(abs(rng.permutation(x).mean() - y.mean()) >= observed for _ in range(n_permutations))
    return (1 + hits) / (1 + n_permutations)
