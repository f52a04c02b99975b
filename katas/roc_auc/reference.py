from fractions import Fraction

import numpy as np


def roc_auc(labels: list[int] | np.ndarray, scores: list[float] | np.ndarray) -> float:
    """Area under the ROC curve, ties counting one half; ValueError without both classes."""
    pairs = sorted(zip([float(s) for s in scores], [int(y) for y in labels], strict=True))
    positives = sum(y for _, y in pairs)
    negatives = len(pairs) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("need at least one positive and one negative example")
    # Mann-Whitney: walk the groups of equal scores in increasing order; each positive in a
    # group beats every negative below the group and ties with the group's negatives.
    # Counting in halves keeps every step an exact integer.
    wins_twice = 0
    negatives_below = 0
    start = 0
    while start < len(pairs):
        end = start
        while end < len(pairs) and pairs[end][0] == pairs[start][0]:
            end += 1
        group_pos = sum(y for _, y in pairs[start:end])
        group_neg = (end - start) - group_pos
        wins_twice += group_pos * (2 * negatives_below + group_neg)
        negatives_below += group_neg
        start = end
    return float(Fraction(wins_twice, 2 * positives * negatives))
