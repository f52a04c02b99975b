# expect: error
# np.bincount needs small non-negative ints: negative values (and huge ones) break it.
import numpy as np


def top_k_frequent(nums, k):
    counts = np.bincount(np.array(nums, dtype=np.int64))
    order = sorted(range(len(counts)), key=lambda v: (-counts[v], v))
    return [v for v in order if counts[v]][:k]
