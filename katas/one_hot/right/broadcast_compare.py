import numpy as np


def one_hot(labels: list[int] | np.ndarray, num_classes: int) -> np.ndarray:
    """Compare each label with every class index: a broadcast equality, as floats."""
    index = np.asarray(labels, dtype=np.int64).reshape(-1, 1)
    if np.any((index < 0) | (index >= num_classes)):
        raise ValueError("label out of range")
    return (index == np.arange(num_classes)).astype(float)
