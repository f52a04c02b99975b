import numpy as np


def roc_auc(labels: list[int] | np.ndarray, scores: list[float] | np.ndarray) -> float:
    """Area under the ROC curve, ties counting one half; ValueError without both classes."""
    raise NotImplementedError
