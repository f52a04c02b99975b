# expect: failed
# Samples distinct values with numpy: repeated items are collapsed into one.
import numpy as np


def reservoir_sample(stream, k, seed):
    rng = np.random.default_rng(seed)
    values = sorted(set(stream), key=repr)
    chosen = rng.choice(len(values), size=min(k, len(values)), replace=False)
    return [values[i] for i in chosen]
