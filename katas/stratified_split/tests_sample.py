"""The examples from the statement: what "Run" checks."""

import math
from collections import Counter

from graders.kit import check


def split_of(labels, fraction):
    """Sorted (train, test) lists, every position once, floor(n_c f) of each class in test."""

    def compare(got, expected):
        if not isinstance(got, tuple) or len(got) != 2:
            return "expected a tuple (train, test)"
        train, test = got
        if not all(isinstance(part, list) and all(type(i) is int for i in part) for part in got):
            return "expected two lists of ints"
        if train != sorted(train) or test != sorted(test):
            return "positions not in increasing order"
        if sorted(train + test) != list(range(len(labels))):
            return "not every position exactly once"
        wanted = {c: math.floor(n * fraction) for c, n in Counter(labels).items()}
        got_counts = Counter(labels[i] for i in test)
        if any(got_counts[c] != wanted[c] for c in wanted):
            return "the test set does not hold floor(n_c * f) of each class"
        return None

    return compare


def test_halves(solution):
    labels = [0, 0, 0, 0, 1, 1]
    check(solution, (labels, 0.5, 3), ([0, 3, 5], [1, 2, 4]), compare=split_of(labels, 0.5))


def test_rounds_down(solution):
    labels = ["a", "b", "a"]
    check(solution, (labels, 0.4, 0), ([0, 1, 2], []), compare=split_of(labels, 0.4))
