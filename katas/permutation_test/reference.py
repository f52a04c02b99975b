import numpy as np


def permutation_test(a: list[int], b: list[int], n_permutations: int, seed: int) -> float:
    """Two-sided permutation p-value of the difference in means, from default_rng(seed)."""
    rng = np.random.default_rng(seed)
    pooled = np.array(a + b, dtype=np.float64)  # ints up to 1e6 * 100: sums exact in float64
    split = len(a)
    observed = abs(pooled[:split].mean() - pooled[split:].mean())
    at_least = 0
    for _ in range(n_permutations):
        shuffled = rng.permutation(pooled)
        # The slack keeps ties that rounding pushed apart (|1 - 1/3| vs |0 - 2/3|).
        at_least += abs(shuffled[:split].mean() - shuffled[split:].mean()) >= observed - 1e-9
    return (1 + at_least) / (1 + n_permutations)
