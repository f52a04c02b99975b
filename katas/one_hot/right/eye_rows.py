import numpy as np


def one_hot(labels: list[int] | np.ndarray, num_classes: int) -> np.ndarray:
    """Rows of the identity matrix, after ruling out what numpy would wrap around."""
    index = np.asarray(labels, dtype=np.int64).reshape(-1)
    if index.size and (index.min() < 0 or index.max() >= num_classes):
        raise ValueError("label out of range")
    return np.eye(num_classes, dtype=np.int8)[index]
