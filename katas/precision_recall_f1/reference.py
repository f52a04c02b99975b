from fractions import Fraction

import numpy as np


def precision_recall_f1(
    y_true: list[int] | np.ndarray, y_pred: list[int] | np.ndarray
) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class 1; 0.0 where a denominator is 0."""
    pairs = list(zip((int(t) for t in y_true), (int(p) for p in y_pred), strict=True))
    tp = sum(1 for t, p in pairs if t == 1 and p == 1)
    fp = sum(1 for t, p in pairs if t == 0 and p == 1)
    fn = sum(1 for t, p in pairs if t == 1 and p == 0)
    # Exact fractions, rounded once: F1 = 2TP / (2TP + FP + FN) with no intermediate rounding.
    precision = Fraction(tp, tp + fp) if tp + fp else Fraction(0)
    recall = Fraction(tp, tp + fn) if tp + fn else Fraction(0)
    f1 = Fraction(2 * tp, 2 * tp + fp + fn) if tp else Fraction(0)
    return float(precision), float(recall), float(f1)
