from bisect import bisect_right
from itertools import accumulate

import numpy as np


def weighted_sample(weights: list[int], count: int, seed: int) -> list[int]:
    """`count` indices drawn with replacement, P(i) = w_i / sum(w), from default_rng(seed)."""
    rng = np.random.default_rng(seed)
    # Exact integer prefix sums; a uniform integer r in [0, total) falls in index i's slot
    # [prefix[i - 1], prefix[i]) with probability w_i / total; bisect_right skips empty slots.
    prefix = list(accumulate(weights))
    total = prefix[-1]
    draws = rng.integers(0, total, size=count)
    return [bisect_right(prefix, int(r)) for r in draws]
