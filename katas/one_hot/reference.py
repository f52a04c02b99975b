import numpy as np


def one_hot(labels: list[int] | np.ndarray, num_classes: int) -> np.ndarray:
    """The len(labels) x num_classes 0/1 matrix; ValueError for a label out of range."""
    for label in labels:
        if not 0 <= label < num_classes:
            raise ValueError(f"label {label} is not in 0..{num_classes - 1}")
    matrix = np.zeros((len(labels), num_classes), dtype=np.int64)
    matrix[np.arange(len(labels)), np.asarray(labels, dtype=np.int64)] = 1
    return matrix
